import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import type { ProcessOptions } from './builtin-process.js';
import { type ExitStatus, type OneOffProcess, OutputChannel } from './process.js';

/** Options of a command run for real. */
export interface ExecOptions extends ProcessOptions {
  /** Working directory of the command; the emulator's own by default. */
  readonly cwd?: string;
  /** Time between SIGTERM and SIGKILL when stopping, like a dyno's shutdown grace. */
  readonly killGraceMs?: number;
}

/**
 * Runs `command` for real under `sh -c`, with only the given environment plus `PATH` and
 * `HOME`. The command gets its own process group so that stopping it also stops whatever it
 * started, and the dyno ends when the main process ends, as on Heroku.
 */
export function startExecProcess(options: ExecOptions): OneOffProcess {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/',
    ...options.env,
  };
  const child = spawn('sh', ['-c', options.command], {
    cwd: options.cwd,
    env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = new OutputChannel();
  let inputOpen = true;

  child.stdout.on('data', (chunk: Buffer) => output.emit(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.emit(chunk));
  // The command may exit without reading its stdin; late writes must not crash the emulator.
  child.stdin.on('error', () => {});

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };

  const exited = new Promise<ExitStatus>((resolve) => {
    child.on('error', (error) => {
      output.emit(Buffer.from(`sh: ${error.message}\n`));
      resolve({ code: 127, signal: null });
    });
    child.on('exit', () => signalGroup('SIGKILL'));
    child.on('close', (code, signal) => {
      const number = signal ? (constants.signals[signal] ?? 0) : 0;
      resolve({ code: code ?? 128 + number, signal });
    });
  });

  const stop = () => {
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), options.killGraceMs ?? 5000);
    timer.unref();
    exited.then(() => clearTimeout(timer));
  };

  return {
    write: (chunk) => {
      if (inputOpen) child.stdin.write(chunk);
    },
    endInput: () => {
      inputOpen = false;
      child.stdin.end();
    },
    interrupt: () => signalGroup('SIGINT'),
    stop,
    onOutput: (listener) => output.add(listener),
    exited,
  };
}
