import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ensureCertificates } from '../rendezvous/certificates.js';
import { type OneOff, startOneOff } from '../rendezvous/one-off.js';
import { createRendezvousServer } from '../rendezvous/server.js';
import { DEFAULT_LOG_CAPACITY, LogBuffer, type LogInput } from './log-buffer.js';
import { serveLogSession } from './log-handler.js';
import { type LogSessionParams, LogSessions } from './log-sessions.js';
import { OutputBuffer } from './output-buffer.js';
import { serveOutput } from './output-handler.js';
import { OpenStreams, sendStreamError } from './stream-response.js';

/** Options of the emulator's streaming side. */
export interface StreamingOptions {
  /** The emulator's base URL (`http://127.0.0.1:5000`), or a function once it listens. */
  readonly baseUrl: string | (() => string);
  /** Where the CA and certificate are kept; a per-user cache directory by default. */
  readonly dataDir?: string;
  /** Address the rendezvous server binds; 127.0.0.1 by default. */
  readonly host?: string;
  /** Port of the rendezvous server; 0 (any free port) by default. */
  readonly rendezvousPort?: number;
  /** Run one-off commands for real under `sh -c` instead of the built-in shell. */
  readonly exec?: boolean;
  /** Pause between the rendezvous greeting and the first output byte; 300 ms by default. */
  readonly greetingDelayMs?: number;
  /** Path prefix the HTTP layer routes to `handleStreamRequest`; `/streams/` by default. */
  readonly pathPrefix?: string;
  /** Log lines kept per app; 1,500 by default, as Logplex. */
  readonly logCapacity?: number;
  /** The SSE `retry` (ms) sent at the start of every SSE stream; 100 by default. */
  readonly sseRetryMs?: number;
}

/** What `POST /apps/{app}/dynos` hands over. */
export interface StartOneOffParams {
  /** The app's log key (its id is best). */
  readonly app: string;
  /** The dyno's name, e.g. `run.1234`. */
  readonly dyno: string;
  readonly command: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly configVars: Readonly<Record<string, string>>;
  readonly attach: boolean;
  /** `attach && !force_no_tty`. */
  readonly tty?: boolean;
  /** Seconds (`time_to_live`). */
  readonly timeToLive?: number;
  /**
   * Log the dyno's lifecycle (start, state changes, exit) as `heroku[run.N]` lines; true by
   * default. Off when the caller logs the lifecycle itself; the output is logged either way.
   */
  readonly lifecycleLog?: boolean;
}

/** A build's (or release phase's) output, written by the behaviour that runs it. */
export interface OutputStream {
  /** The `output_stream_url` to put in the resource. */
  readonly url: string;
  write(text: string): void;
  /** Ends the stream: call when the build succeeds or fails. */
  end(): void;
}

/** The streaming side of the emulator, as the HTTP layer and the behaviours use it. */
export interface StreamingHooks {
  /** The CA certificate file clients must trust (e.g. NODE_EXTRA_CA_CERTS). */
  readonly caFile: string;
  readonly rendezvousPort: number;
  /** Starts a one-off dyno; its output and lifecycle go to the app's log. */
  startOneOff(params: StartOneOffParams): OneOff;
  /** Creates a log session and returns its id and `logplex_url`. */
  createLogSession(params: LogSessionParams): { id: string; url: string };
  /** Appends a line to an app's log (`source` app/heroku, `dyno` web.1/router/api/...). */
  appendLog(app: string, line: LogInput): void;
  /** The output stream of a build, created on first use; the same object for the same id. */
  buildOutput(buildId: string): OutputStream;
  /** Serves a stream URL; returns false when the path is not a stream path. */
  handleStreamRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** Drops an app's log lines and log sessions (the app was deleted). */
  forgetApp(app: string): void;
  /** Stops running one-off dynos, ends open streams and closes the rendezvous server. */
  close(): Promise<void>;
}

/** Creates the streaming side: loads (or creates) the certificate and starts rendezvous. */
export async function createStreamingHooks(options: StreamingOptions): Promise<StreamingHooks> {
  const certificates = await ensureCertificates(options.dataDir);
  const rendezvous = await createRendezvousServer({
    host: options.host,
    port: options.rendezvousPort,
    key: certificates.key,
    cert: certificates.cert,
    greetingDelayMs: options.greetingDelayMs,
  });
  const prefix = options.pathPrefix ?? '/streams/';
  const retryMs = options.sseRetryMs ?? 100;
  const logs = new LogBuffer(options.logCapacity ?? DEFAULT_LOG_CAPACITY);
  const sessions = new LogSessions();
  const outputs = new Map<string, { stream: OutputStream; buffer: OutputBuffer }>();
  const outputsByToken = new Map<string, OutputBuffer>();
  const open = new OpenStreams();
  const running = new Set<OneOff>();
  const base = () => {
    const url = typeof options.baseUrl === 'function' ? options.baseUrl() : options.baseUrl;
    return url.replace(/\/+$/, '');
  };

  const buildOutput = (buildId: string): OutputStream => {
    const known = outputs.get(buildId);
    if (known) return known.stream;
    const buffer = new OutputBuffer();
    const token = randomBytes(16).toString('hex');
    const stream: OutputStream = {
      url: `${base()}${prefix}output/${token}`,
      write: (text) => buffer.write(text),
      end: () => buffer.end(),
    };
    outputs.set(buildId, { stream, buffer });
    outputsByToken.set(token, buffer);
    return stream;
  };

  const handleStreamRequest = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    if (!url.pathname.startsWith(prefix)) return false;
    if (req.method !== 'GET') {
      sendStreamError(res, 405, 'Stream URLs only answer GET');
      return true;
    }

    const [kind, id, ...rest] = url.pathname.slice(prefix.length).split('/');
    const session =
      kind === 'logs' && id ? sessions.find(id, url.searchParams.get('srv')) : undefined;
    const output = kind === 'output' && id ? outputsByToken.get(id) : undefined;
    if (rest.length > 0 || (!session && !output)) {
      sendStreamError(res, 404, 'Stream not found or expired');
      return true;
    }

    open.add(res);
    if (session) serveLogSession(req, res, url, session, logs, { retryMs });
    else if (output) serveOutput(req, res, url, output, { retryMs });
    return true;
  };

  return {
    caFile: certificates.caFile,
    rendezvousPort: rendezvous.port,
    startOneOff(params) {
      const oneOff = startOneOff(params, {
        rendezvous,
        exec: options.exec,
        log: (source, message) => {
          if (source === 'heroku' && params.lifecycleLog === false) return;
          logs.append(params.app, { source, dyno: params.dyno, message });
        },
      });
      running.add(oneOff);
      oneOff.onExit(() => running.delete(oneOff));
      return oneOff;
    },
    createLogSession(params) {
      const session = sessions.create(params);
      return { id: session.id, url: `${base()}${prefix}logs/${session.id}?srv=${session.token}` };
    },
    appendLog: (app, line) => logs.append(app, line),
    buildOutput,
    handleStreamRequest,
    forgetApp(app) {
      logs.forget(app);
      sessions.forgetApp(app);
    },
    async close() {
      for (const oneOff of running) oneOff.stop();
      await Promise.all([...running].map((oneOff) => oneOff.exited));
      open.endAll();
      await rendezvous.close();
    },
  };
}
