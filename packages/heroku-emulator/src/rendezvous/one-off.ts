import type { TLSSocket } from 'node:tls';
import { startBuiltinProcess } from '../shell/builtin-process.js';
import { startExecProcess } from '../shell/exec-process.js';
import type { ExitStatus, OneOffProcess } from '../shell/process.js';
import { splitExitMarker } from './exit-marker.js';
import { LineSplitter } from './line-splitter.js';
import type { RendezvousServer } from './server.js';
import { rawInput, terminalInput, terminalOutput } from './terminal.js';

/** What to run, as `POST /apps/{app}/dynos` describes it. */
export interface OneOffOptions {
  /** Dyno name, e.g. `run.1234`; also the `DYNO` variable the command sees. */
  readonly dyno: string;
  readonly command: string;
  /** The app's config vars. */
  readonly configVars: Readonly<Record<string, string>>;
  /** The request's `env`, which overrides config vars. */
  readonly env?: Readonly<Record<string, string>>;
  /** Attached: wait for a rendezvous client, then stream to it. */
  readonly attach: boolean;
  /** A terminal (attach without `force_no_tty`): echo, line editing, `\r\n` output. */
  readonly tty?: boolean;
  /** Seconds before the dyno is stopped, as `time_to_live`; fractions are allowed. */
  readonly timeToLive?: number;
}

/** The lifecycle of a one-off dyno, as the dyno resource shows it. */
export type OneOffState = 'starting' | 'up' | 'down';

/** A one-off dyno being started or running. */
export interface OneOff {
  /** `rendezvous://127.0.0.1:<port>/<secret>` when attached, else `null`. */
  readonly attachUrl: string | null;
  readonly state: OneOffState;
  /** Resolves when the dyno is done: process ended, stopped, or never attached. */
  readonly exited: Promise<ExitStatus>;
  /** Calls `listener` when the dyno is done (also after the fact). */
  onExit(listener: (status: ExitStatus) => void): void;
  /** Stops the dyno (stop, restart, app deleted); harmless when already done. */
  stop(): void;
}

/** What a one-off needs from the emulator around it. */
export interface OneOffContext {
  /** Needed for attached runs. */
  readonly rendezvous?: RendezvousServer;
  /** Run commands for real under `sh -c` instead of the built-in shell. */
  readonly exec?: boolean;
  /** Receives the app's log lines about this dyno: its output and its lifecycle. */
  log?(source: 'app' | 'heroku', message: string): void;
}

/** A process that never ran: the dyno was stopped, or its client never came. */
const NEVER_RAN: ExitStatus = { code: 143, signal: 'SIGTERM' };

/** Starts a one-off dyno: at once when detached, when its client connects when attached. */
export function startOneOff(options: OneOffOptions, context: OneOffContext): OneOff {
  const { command, markerLine } = splitExitMarker(options.command);
  const log = (source: 'app' | 'heroku', message: string) => context.log?.(source, message);
  const env = { ...options.configVars, ...options.env, DYNO: options.dyno };
  let state: OneOffState = 'starting';
  let running: OneOffProcess | undefined;
  let secret: string | undefined;
  let finish: (status: ExitStatus) => void = () => {};
  const exited = new Promise<ExitStatus>((resolve) => {
    finish = resolve;
  });

  const launch = (): OneOffProcess => {
    log('heroku', `Starting process with command \`${options.command}\``);
    const spec = { command, env, tty: options.tty ?? false };
    const started = context.exec ? startExecProcess(spec) : startBuiltinProcess(spec);
    running = started;
    state = 'up';
    log('heroku', 'State changed from starting to up');

    const lines = new LineSplitter((line) => log('app', line));
    started.onOutput((chunk) => lines.push(chunk));
    started.exited.then((status) => {
      lines.flush();
      log('heroku', `Process exited with status ${status.code}`);
      log('heroku', 'State changed from up to complete');
      state = 'down';
      finish(status);
    });
    return started;
  };

  const attachUrl = options.attach ? register() : null;
  if (!options.attach) launch().endInput();

  const ttl = options.timeToLive;
  const timer = ttl !== undefined && ttl > 0 ? setTimeout(stop, ttl * 1000) : undefined;
  timer?.unref();
  exited.then(() => clearTimeout(timer));

  function register(): string {
    if (!context.rendezvous) throw new Error('attached one-off dynos need a rendezvous server');
    const registered = context.rendezvous.register({
      attach: (socket, early) => {
        if (state !== 'starting') socket.end();
        else connect(socket, early, launch(), options.tty ?? false, markerLine);
      },
      expire: () => stopBeforeStart(),
    });
    secret = registered.secret;
    return registered.url;
  }

  function stopBeforeStart(): void {
    if (state !== 'starting') return;
    if (secret !== undefined) context.rendezvous?.revoke(secret);
    state = 'down';
    finish(NEVER_RAN);
  }

  function stop(): void {
    if (state === 'starting') stopBeforeStart();
    else if (state === 'up' && running) {
      log('heroku', 'Stopping all processes with SIGTERM');
      running.stop();
    }
  }

  return {
    attachUrl,
    get state() {
      return state;
    },
    exited,
    onExit: (listener) => void exited.then(listener),
    stop,
  };
}

/** Joins an attached client and its process until the process ends or the client leaves. */
function connect(
  socket: TLSSocket,
  early: Buffer,
  process: OneOffProcess,
  tty: boolean,
  markerLine: ((status: number) => string) | undefined,
): void {
  const send = (chunk: Buffer) => {
    if (!socket.destroyed) socket.write(tty ? terminalOutput(chunk) : chunk);
  };
  const input = tty ? terminalInput(process, (text) => send(Buffer.from(text))) : rawInput(process);
  let done = false;

  process.onOutput(send);
  socket.on('data', input);
  if (early.length > 0) input(early);

  // A one-off dyno ends when its client disconnects, and is never restarted.
  socket.on('close', () => {
    if (!done) process.stop();
  });
  process.exited.then((status) => {
    done = true;
    if (markerLine) send(Buffer.from(markerLine(status.code)));
    socket.end();
  });
}
