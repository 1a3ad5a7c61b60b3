/**
 * Runs the official Heroku CLI against a local API in a sandbox: a throwaway home, cache,
 * config and data folder, a working folder outside any git repository, and an environment built
 * from scratch so nothing from the caller's shell (HEROKU_APP, HEROKU_HEADERS, proxies, a real
 * token) leaks in, and nothing leaves the machine.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_ENTRY } from './install-cli.mjs';

/** Default time a single command may take before it is killed. */
export const DEFAULT_TIMEOUT_MS = 30_000;

// Variables passed through from the caller: enough to find `git` and `node`, nothing else.
const INHERITED = ['PATH', 'LANG', 'LC_ALL', 'TZ', 'SYSTEMROOT', 'TMPDIR'];

/**
 * Creates a sandbox bound to one API.
 * `api` is `{ url, token, caFile? }` as `startEmulator` resolves it.
 * Returns `{ dir, env, run(args, options), dispose() }`.
 */
export function createCliSandbox(api) {
  const dir = mkdtempSync(join(tmpdir(), 'heroku-interop-'));
  const paths = {
    home: join(dir, 'home'),
    cache: join(dir, 'cache'),
    config: join(dir, 'config'),
    data: join(dir, 'data'),
    work: join(dir, 'work'),
  };
  for (const path of Object.values(paths)) mkdirSync(path, { recursive: true });

  // The CLI writes a git credential helper into the global git config before every command.
  const gitConfig = join(paths.home, '.gitconfig');
  writeFileSync(gitConfig, '');
  // Present means "banner already shown", so stderr carries only what the command prints.
  writeFileSync(join(paths.cache, 'terms-of-service'), '');

  const env = sandboxEnv(api, paths, gitConfig);
  return {
    dir,
    env,
    run: (args, options = {}) => runCli(args, { ...options, env, cwd: paths.work, api }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function sandboxEnv(api, paths, gitConfig) {
  const env = {};
  for (const name of INHERITED) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  Object.assign(env, {
    HOME: paths.home,
    XDG_CACHE_HOME: paths.cache,
    XDG_CONFIG_HOME: paths.config,
    XDG_DATA_HOME: paths.data,
    GIT_CONFIG_GLOBAL: gitConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    HEROKU_CACHE_DIR: paths.cache,
    HEROKU_CONFIG_DIR: paths.config,
    HEROKU_DATA_DIR: paths.data,
    HEROKU_HOST: api.url,
    HEROKU_API_KEY: api.token,
    // The delinquency check goes with every GET /account; pointed here it stays on loopback.
    HEROKU_PARTICLEBOARD_URL: api.url,
    HEROKU_DISABLE_AUTOUPDATE: '1',
    HEROKU_SKIP_NEW_VERSION_CHECK: '1',
    HEROKU_SKIP_ANALYTICS: '1',
    DISABLE_TELEMETRY: 'true',
    HEROKU_NOTIFICATIONS: '0',
    NO_COLOR: '1',
    TERM: 'dumb',
  });
  // `heroku run` checks the rendezvous certificate; Node trusts an extra CA only this way.
  if (api.caFile) env.NODE_EXTRA_CA_CERTS = api.caFile;
  return env;
}

/**
 * Runs `heroku <args...>` and resolves with
 * `{ args, code, signal, stdout, stderr, timedOut, stopped, durationMs }`.
 *
 * Options: `env` and `cwd` (set by the sandbox), `api` (its token is masked in the output),
 * `input` (a string piped to stdin; otherwise stdin is /dev/null), `timeoutMs`, `debug` (sets
 * HEROKU_DEBUG and HEROKU_DEBUG_HEADERS), `onStdout(stdout)`, called with all output so far
 * whenever more arrives, and `stopWhen(stdout)`: when it returns true the command is
 * interrupted with SIGINT, as Ctrl-C would (for `logs --tail`).
 */
export function runCli(args, options) {
  const env = { ...options.env };
  if (options.debug) Object.assign(env, { HEROKU_DEBUG: '1', HEROKU_DEBUG_HEADERS: '1' });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();

  const child = spawn(process.execPath, ['--no-deprecation', CLI_ENTRY, ...args], {
    cwd: options.cwd,
    env,
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.input !== undefined) child.stdin.end(options.input);

  let stdout = '';
  let stderr = '';
  let timedOut = false;
  let stopped = false;
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    stdout += chunk;
    options.onStdout?.(stdout);
    if (!stopped && options.stopWhen?.(stdout)) {
      stopped = true;
      child.kill('SIGINT');
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr += chunk;
  });
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);

  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const mask = (text) => maskToken(text, options.api?.token);
      resolve({
        args,
        code,
        signal,
        stdout: mask(stdout),
        stderr: mask(stderr),
        timedOut,
        stopped,
        durationMs: Date.now() - started,
      });
    });
  });
}

/** Replaces every occurrence of the token with `***`. */
export function maskToken(text, token) {
  return token ? text.split(token).join('***') : text;
}

/** One readable block describing a run, for assertion messages (token already masked). */
export function describeRun(result) {
  const status = result.timedOut ? 'timed out' : `exit ${result.code ?? result.signal}`;
  return [
    `$ heroku ${result.args.join(' ')}  (${status}, ${result.durationMs} ms)`,
    `--- stdout\n${result.stdout.trimEnd()}`,
    `--- stderr\n${result.stderr.trimEnd()}`,
  ].join('\n');
}
