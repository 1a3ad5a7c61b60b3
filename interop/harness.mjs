/**
 * What every interop test file shares: a fresh emulator, a CLI sandbox pointed at it, a small
 * API helper for setting up state without going through the command under test, and assertions
 * whose failure messages show the whole command run (and, with INTEROP_TRACE=1, every request
 * the CLI sent and what came back).
 */
import assert from 'node:assert/strict';
import { startEmulator } from 'heroku-emulator';
import { ensureCli } from './install-cli.mjs';
import { formatExchanges, startRecordingProxy } from './recording-proxy.mjs';
import { createCliSandbox, describeRun, maskToken } from './run-cli.mjs';

const ACCEPT = 'application/vnd.heroku+json; version=3';

/**
 * Starts an emulator (options go to `startEmulator`, port 0 always) and a CLI sandbox for it.
 * Returns `{ emulator, heroku(args, options), api, stop() }`.
 */
export async function startInterop(options = {}) {
  ensureCli(() => {});
  const emulator = await startEmulator({ ...options, port: 0 });
  const proxy = process.env.INTEROP_TRACE ? await startRecordingProxy(emulator.url) : undefined;
  const sandbox = createCliSandbox({
    url: proxy?.url ?? emulator.url,
    token: emulator.token,
    caFile: emulator.caFile,
  });

  return {
    emulator,
    api: createApi(emulator.url, emulator.token),
    async heroku(args, runOptions) {
      proxy?.take();
      const result = await sandbox.run(args, runOptions);
      const trace = proxy ? formatExchanges(proxy.take()) : undefined;
      result.trace = trace && maskToken(trace, emulator.token);
      return result;
    },
    async stop() {
      await proxy?.stop();
      await emulator.stop();
      sandbox.dispose();
    },
  };
}

/**
 * A minimal Platform API caller for test set-up and checks: `api(method, path, body, token?)`
 * resolves with `{ status, body }` (body parsed when JSON). `api.ok(...)` also asserts a 2xx.
 */
export function createApi(baseUrl, defaultToken) {
  async function api(method, path, body, token = defaultToken) {
    const headers = { accept: ACCEPT, authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json');
    return { status: response.status, body: isJson && text ? JSON.parse(text) : text };
  }
  api.ok = async (method, path, body, token) => {
    const result = await api(method, path, body, token);
    const detail = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
    assert.ok(
      result.status >= 200 && result.status < 300,
      `set-up call ${method} ${path} answered ${result.status}: ${detail.slice(0, 400)}`,
    );
    return result.body;
  };
  return api;
}

/** Creates an app through the API and returns it. */
export function createApp(api, name) {
  return api.ok('POST', '/apps', { name });
}

/**
 * Deploys without a build: a slug with the given process types, released on the app (what a
 * finished build does). Returns `{ slug, release }`.
 */
export async function deploySlug(api, app, processTypes = { web: 'npm start' }) {
  const slug = await api.ok('POST', `/apps/${app}/slugs`, { process_types: processTypes });
  const release = await api.ok('POST', `/apps/${app}/releases`, { slug: slug.id });
  return { slug, release };
}

function explain(result, what) {
  const trace = result.trace ? `\n--- requests\n${result.trace}` : '';
  return `${what}\n${describeRun(result)}${trace}`;
}

/** Asserts the command exited with `code` (0 by default) and did not time out. */
export function assertExit(result, code = 0) {
  assert.ok(!result.timedOut, explain(result, 'the command timed out'));
  assert.equal(result.code, code, explain(result, `expected exit code ${code}`));
}

/** Asserts that a command run with `stopWhen` was stopped by it (not by the timeout). */
export function assertStopped(result) {
  assert.ok(result.stopped && !result.timedOut, explain(result, 'the awaited output never came'));
}

/** Asserts that `stream` ('stdout' or 'stderr') matches `pattern`; returns the match. */
export function assertOutput(result, stream, pattern) {
  const match = result[stream].match(pattern);
  assert.ok(match, explain(result, `expected ${stream} to match ${pattern}`));
  return match;
}

/** Asserts that `stream` does not match `pattern`. */
export function assertNoOutput(result, stream, pattern) {
  assert.doesNotMatch(result[stream], pattern, explain(result, `${stream} should not match`));
}
