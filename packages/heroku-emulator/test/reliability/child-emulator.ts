/**
 * Runs the emulator's command line in a child process, as a user would, and
 * waits for it to print where it listens.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The compiled CLI, next to the compiled tests. */
export const CLI = fileURLToPath(new URL('../../src/cli.js', import.meta.url));

/** A running emulator child. */
export interface ChildEmulator {
  readonly child: ChildProcess;
  readonly url: string;
  /** Resolves once the child has exited. */
  readonly exited: Promise<void>;
}

/** Starts `heroku-emulator` with `args` and resolves once it listens. */
export function startChild(args: readonly string[]): Promise<ChildEmulator> {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url !== undefined) resolve({ child, url, exited });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited (${code}): ${err}`)));
  });
}
