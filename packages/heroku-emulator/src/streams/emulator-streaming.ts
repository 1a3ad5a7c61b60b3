import type { OneOff } from '../rendezvous/one-off.js';
import type { ExitStatus } from '../shell/process.js';
import type {
  StreamingHooks as EmulatorSeam,
  RunRequest,
  StreamingEnvironment,
} from '../streaming.js';
import { createStreamingHooks, type OutputStream, type StreamingHooks } from './hooks.js';

/** Options of the emulator's streaming side. */
export interface EmulatorStreamingOptions {
  /** Where the CA and certificate are kept; a per-user cache directory by default. */
  readonly dataDir?: string;
  /** Run one-off commands for real under `sh -c` instead of the built-in shell. */
  readonly exec?: boolean;
  /** Port of the rendezvous server; any free port by default. */
  readonly rendezvousPort?: number;
  /** Pause between the rendezvous greeting and the first output byte (ms). */
  readonly greetingDelayMs?: number;
}

/** The emulator's seam, implemented, plus what the behaviours need beyond it. */
export interface EmulatorStreaming extends EmulatorSeam {
  /** Stops a one-off dyno's process (stop, restart, time to live, app deleted). */
  stopDyno(dynoId: string): void;
  /** Calls `listener` when a one-off dyno's process ends, or its client never came. */
  onDynoExit(listener: (dynoId: string, status: ExitStatus) => void): void;
  /** A build's output stream, for the build behaviour to write to and end. */
  buildOutput(buildId: string): OutputStream;
  /** Drops an app's log lines and sessions. */
  forgetApp(appId: string): void;
}

/**
 * Implements the emulator's streaming seam (`startEmulator({ streaming })`) with the TLS
 * rendezvous server, the built-in shell (or real `sh -c`) for attached and detached one-off
 * dynos, log sessions and build output.
 * Everything opens in `start`; logs are kept by app id, so renames keep their history.
 */
export function createEmulatorStreaming(options: EmulatorStreamingOptions = {}): EmulatorStreaming {
  let hooks: StreamingHooks | undefined;
  const oneOffs = new Map<string, OneOff>();
  const exitListeners: ((dynoId: string, status: ExitStatus) => void)[] = [];
  const started = (): StreamingHooks => {
    if (!hooks) throw new Error('the streaming side is used before start()');
    return hooks;
  };

  // Attached and detached dynos run the same way; only the client (and the tty) differ.
  const startDyno = (request: RunRequest, attach: boolean, tty: boolean): OneOff => {
    const oneOff = started().startOneOff({
      app: request.appId,
      dyno: request.dynoName,
      command: request.command,
      configVars: request.env,
      attach,
      tty,
      // The dyno behaviour logs the lifecycle; this side adds the output.
      lifecycleLog: false,
    });
    oneOffs.set(request.dynoId, oneOff);
    oneOff.onExit((status) => {
      oneOffs.delete(request.dynoId);
      for (const listener of exitListeners) listener(request.dynoId, status);
    });
    return oneOff;
  };

  return {
    get caFile() {
      return hooks?.caFile;
    },
    async start(env: StreamingEnvironment) {
      hooks = await createStreamingHooks({ ...options, baseUrl: env.baseUrl, host: env.host });
      env.log(`rendezvous on port ${hooks.rendezvousPort}; CA certificate: ${hooks.caFile}`);
    },
    async stop() {
      await hooks?.close();
    },
    handleRequest: (req, res) => hooks?.handleStreamRequest(req, res) ?? false,
    attachDyno: (request) => startDyno(request, true, !request.noTty).attachUrl ?? '',
    runDyno: (request) => {
      startDyno(request, false, false);
    },
    logSessionUrl: (request) =>
      started().createLogSession({
        app: request.appId,
        lines: request.lines,
        tail: request.tail,
        dyno: request.dyno,
        source: request.source,
      }).url,
    buildOutputUrl: (build) => started().buildOutput(build.buildId).url,
    appendLog: (line) => hooks?.appendLog(line.appId, line),
    stopDyno: (dynoId) => oneOffs.get(dynoId)?.stop(),
    onDynoExit: (listener) => {
      exitListeners.push(listener);
    },
    buildOutput: (buildId) => started().buildOutput(buildId),
    forgetApp: (appId) => hooks?.forgetApp(appId),
  };
}
