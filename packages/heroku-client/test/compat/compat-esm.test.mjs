/**
 * heroku-client 3's documented usage from an ES module: the default import
 * (and the named one), async/await. Runs against a fresh emulator.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Heroku, { Heroku as NamedHeroku, NotFoundError } from 'heroku-client';
import { startCompatServer } from '../../dist/test/compat/harness.js';

/** @type {import('../../dist/test/compat/harness.js').CompatServer} */
let server;
/** @type {Heroku} */
let heroku;
const APPS = ['esm-app-a', 'esm-app-b', 'esm-app-c', 'esm-app-d', 'esm-app-e'];

before(async () => {
  server = await startCompatServer();
  heroku = new Heroku({ token: server.token, host: server.url });
  for (const name of APPS) await heroku.post('/apps', { body: { name } });
});
after(async () => {
  await heroku.close();
  await server.stop();
});

/** Resolves to the error `call` fails with; fails the test if it succeeds. */
async function failure(call) {
  try {
    await call;
  } catch (error) {
    return error;
  }
  assert.fail('the call should have failed');
}

test('the default import is the Heroku class, the same as the named export', () => {
  assert.equal(typeof Heroku, 'function');
  assert.equal(Heroku, NamedHeroku);
  assert.ok(heroku instanceof NamedHeroku);
});

test('get resolves to the parsed body; the token goes as a Bearer token', async () => {
  const start = server.requests.length;
  const app = await heroku.get('/apps/esm-app-a');
  assert.equal(app.name, 'esm-app-a');
  assert.equal(server.since(start)[0]?.headers.authorization, `Bearer ${server.token}`);
});

test('auth ":token" is sent as HTTP Basic and accepted', async () => {
  const client = new Heroku({ host: server.url, auth: `:${server.token}` });
  const start = server.requests.length;
  const account = await client.get('/account');
  assert.equal(account.email, 'user@example.com');
  assert.match(server.since(start)[0]?.headers.authorization ?? '', /^Basic /);
  await client.close();
});

test('post without a body, patch and delete resolve to the app', async () => {
  const created = await heroku.post('/apps');
  const renamed = await heroku.patch(`/apps/${created.name}`, { body: { name: 'esm-renamed' } });
  assert.equal(renamed.name, 'esm-renamed');
  assert.equal((await heroku.delete('/apps/esm-renamed')).name, 'esm-renamed');
  assert.equal((await failure(heroku.get('/apps/esm-renamed'))).statusCode, 404);
});

test('put sends its body and resolves to the parsed answer', async () => {
  const updates = [{ buildpack: 'heroku/nodejs' }];
  const installed = await heroku.put('/apps/esm-app-a/buildpack-installations', {
    body: { updates },
  });
  assert.equal(installed.length, 1);
});

test('a list with a small Range header resolves to every page concatenated', async () => {
  const start = server.requests.length;
  const apps = await heroku.get('/apps', { headers: { Range: 'name ..; max=2' } });
  assert.deepEqual(
    apps.map((app) => app.name),
    APPS,
  );
  const sent = server.since(start);
  assert.equal(sent.length, 3);
  assert.equal(sent[0]?.headers.range, 'name ..; max=2');
});

test('partial: true resolves to the first page only', async () => {
  const apps = await heroku.get('/apps', { partial: true, headers: { Range: 'name ..; max=2' } });
  assert.deepEqual(
    apps.map((app) => app.name),
    APPS.slice(0, 2),
  );
});

test('request with method, path, headers and parseJSON: false resolves to text', async () => {
  const start = server.requests.length;
  const text = await heroku.request({
    method: 'GET',
    path: '/apps',
    headers: { Foo: 'Bar' },
    parseJSON: false,
  });
  assert.equal(typeof text, 'string');
  assert.equal(JSON.parse(text).length, APPS.length);
  assert.equal(server.since(start)[0]?.headers.foo, 'Bar');
});

test('an unknown app fails with statusCode 404 and the API body', async () => {
  const error = await failure(heroku.get('/apps/no-such-app'));
  assert.equal(error.statusCode, 404);
  assert.equal(error.body.id, 'not_found');
  assert.ok(error instanceof NotFoundError);
});

test('a bad app name fails with statusCode 422 and the API body', async () => {
  const error = await failure(heroku.post('/apps', { body: { name: 'Not A Valid Name' } }));
  assert.equal(error.statusCode, 422);
  assert.equal(error.body.id, 'invalid_params');
});
