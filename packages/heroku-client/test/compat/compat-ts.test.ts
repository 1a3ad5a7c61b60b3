/**
 * heroku-client 3's documented usage from TypeScript: the default import, the
 * named one and `import Heroku = require()` (through require-entry.cts), with
 * typed results and typed 3.x error fields. Runs against a fresh emulator.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Heroku, { type HerokuOptions, Heroku as NamedHeroku } from 'heroku-client';
import { type CompatServer, startCompatServer } from './harness.js';
import requireEntry from './require-entry.cjs';

interface App {
  readonly id: string;
  readonly name: string;
}

/** What heroku-client 3 put on the errors it rejected with. */
interface LegacyError {
  readonly statusCode: number;
  readonly body: { readonly id: string; readonly message: string };
}

let server: CompatServer;
let heroku: Heroku;
const APPS = ['ts-app-a', 'ts-app-b', 'ts-app-c', 'ts-app-d', 'ts-app-e'];

before(async () => {
  server = await startCompatServer();
  heroku = new Heroku({ token: server.token, host: server.url });
  for (const name of APPS) await heroku.post<App>('/apps', { body: { name } });
});
after(async () => {
  await heroku.close();
  await server.stop();
});

async function failure(call: PromiseLike<unknown>): Promise<LegacyError> {
  try {
    await call;
  } catch (error) {
    return error as LegacyError;
  }
  return assert.fail('the call should have failed');
}

test('default import, named export and import = require() give one Heroku class', () => {
  assert.equal(Heroku, NamedHeroku);
  assert.equal(requireEntry.Heroku, NamedHeroku);
});

test('import = require() builds a working client from token and host', async () => {
  assert.equal(await requireEntry.appName(server.url, server.token, 'ts-app-b'), 'ts-app-b');
  assert.ok(requireEntry.isMissing(await failure(heroku.get('/apps/no-such-app'))));
});

test('the 3.x option list type-checks and is accepted', async () => {
  const options: HerokuOptions = {
    token: server.token,
    host: server.url,
    headers: { 'X-Origin': 'compat' },
    userAgent: 'compat-suite/1.0',
    timeout: 30000,
    debug: false,
    debugHeaders: false,
    logger: { log: () => {} },
    parseJSON: true,
    partial: false,
    rejectUnauthorized: true,
  };
  const client = new Heroku(options);
  assert.equal((await client.get<{ email: string }>('/account')).email, 'user@example.com');
  await client.close();
});

test('get<T> resolves to the typed, parsed body', async () => {
  const app: App = await heroku.get<App>('/apps/ts-app-a');
  assert.equal(app.name, 'ts-app-a');
});

test('post, patch and delete resolve to the app', async () => {
  const created = await heroku.post<App>('/apps');
  const renamed = await heroku.patch<App>(`/apps/${created.name}`, {
    body: { name: 'ts-renamed' },
  });
  assert.equal(renamed.id, created.id);
  assert.equal((await heroku.delete<App>('/apps/ts-renamed')).name, 'ts-renamed');
});

test('a list with a small Range header resolves to every page concatenated', async () => {
  const start = server.requests.length;
  const apps = await heroku.get<App[]>('/apps', { headers: { Range: 'name ..; max=2' } });
  assert.deepEqual(
    apps.map((app) => app.name),
    APPS,
  );
  assert.equal(server.since(start).length, 3);
});

test('request with parseJSON: false resolves to the text', async () => {
  const text = await heroku.request<string>({ method: 'GET', path: '/apps', parseJSON: false });
  assert.equal((JSON.parse(text) as App[]).length, APPS.length);
});

test('a call can stand where a Promise<T> is expected once wrapped', async () => {
  const pending: Promise<App> = Promise.resolve(heroku.get<App>('/apps/ts-app-c'));
  assert.equal((await pending).name, 'ts-app-c');
});

test('errors carry statusCode and body: 404 on an unknown app, 422 on a bad name', async () => {
  const missing = await failure(heroku.get('/apps/no-such-app'));
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.body.id, 'not_found');
  const invalid = await failure(heroku.post('/apps', { body: { name: 'Not A Valid Name' } }));
  assert.equal(invalid.statusCode, 422);
  assert.equal(invalid.body.id, 'invalid_params');
});
