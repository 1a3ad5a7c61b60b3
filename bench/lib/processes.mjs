/** Child processes of the benchmark: the servers, and the fresh processes S3 and S4 time. */
import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCH = fileURLToPath(new URL('..', import.meta.url));
const CHILD_TIMEOUT_MS = 300_000;

/**
 * Fork a bench script that reports `{ port }` over IPC once it listens (or `{ error }` when it
 * cannot), and wait for it. `message` is everything the script reported.
 * @param {string} script path relative to bench/
 * @param {Record<string, string>} [env]
 * @returns {Promise<{ origin: string, message: any, stop: () => void }>}
 */
export function startServer(script, env = {}) {
  const child = fork(BENCH + script, [], {
    env: { ...process.env, ...env },
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening`)));
    child.once('message', (message) => {
      if (typeof message?.port !== 'number') {
        child.kill();
        return reject(new Error(`${script}: ${message?.error ?? 'no port reported'}`));
      }
      child.removeAllListeners('exit');
      resolve({ origin: `http://127.0.0.1:${message.port}`, message, stop: () => child.kill() });
    });
  });
}

/**
 * Run `node <script> ...args` to the end. Resolves with the JSON the child printed last on
 * stdout and the wall time from spawn to exit, as the parent saw it.
 * @param {string} script path relative to bench/
 * @param {string[]} args
 * @returns {Promise<{ result: any, wallMs: number }>}
 */
export function runNode(script, args) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [BENCH + script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let exitedAt = started;
  // A child that never ends (a client holding its sockets open) fails instead of hanging the run.
  const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
  child.once('exit', () => {
    exitedAt = process.hrtime.bigint();
    clearTimeout(timer);
  });
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));

  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = Number(exitedAt - started) / 1e6;
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0)
        return reject(new Error(`${script} ${args[0]} failed: ${err.trim() || last}`));
      try {
        resolve({ result: JSON.parse(last), wallMs });
      } catch {
        reject(new Error(`${script} ${args[0]} printed no JSON: ${last.slice(0, 200)}`));
      }
    });
  });
}
