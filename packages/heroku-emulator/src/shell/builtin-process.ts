import { ShellInput } from './input.js';
import { INTERRUPTED_STATUS, runShellScript } from './interpreter.js';
import { type ExitStatus, type OneOffProcess, OutputChannel } from './process.js';

/** What a one-off command runs with. */
export interface ProcessOptions {
  readonly command: string;
  /** The environment: the app's config vars, overlaid by the request's `env`. */
  readonly env: Readonly<Record<string, string>>;
  /** Attached to a terminal (prompts in an interactive `sh`). */
  readonly tty: boolean;
}

/** SIGTERM's number: a stopped built-in process reports 128 + 15, like a killed `sh`. */
const TERMINATED_STATUS = 143;

/**
 * Runs `command` in the built-in shell: deterministic, no file system, no real processes.
 * The command starts on the next tick so the caller can attach its output listener first.
 */
export function startBuiltinProcess(options: ProcessOptions): OneOffProcess {
  const input = new ShellInput();
  const output = new OutputChannel();
  const controller = new AbortController();
  let stopped = false;

  const io = {
    input,
    signal: controller.signal,
    tty: options.tty,
    write: (text: string | Buffer) => output.emit(Buffer.from(text)),
  };

  const exited = new Promise<ExitStatus>((resolve) => {
    setImmediate(async () => {
      const code = await runShellScript(options.command, options.env, io);
      input.end();
      if (stopped) resolve({ code: TERMINATED_STATUS, signal: 'SIGTERM' });
      else if (code === INTERRUPTED_STATUS && controller.signal.aborted) {
        resolve({ code, signal: 'SIGINT' });
      } else resolve({ code, signal: null });
    });
  });

  return {
    write: (chunk) => input.push(chunk),
    endInput: () => input.end(),
    interrupt: () => controller.abort(),
    stop: () => {
      stopped = true;
      controller.abort();
    },
    onOutput: (listener) => output.add(listener),
    exited,
  };
}
