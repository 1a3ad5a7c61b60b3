import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Heroku, isUsageError } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((_req, res) => json(res, 200, {}));
});
after(() => server.close());

function rejectsUsage(fn: () => unknown, pattern: RegExp): void {
  assert.throws(
    fn,
    (error: unknown) => isUsageError(error) && pattern.test((error as Error).message),
  );
}

test('an unknown option is refused at construction', () => {
  rejectsUsage(() => new Heroku({ tokne: 'x' } as never), /unknown option `tokne`/);
});

test('a baseUrl that is not a URL is refused', () => {
  rejectsUsage(() => new Heroku({ baseUrl: 'api.heroku.com' }), /baseUrl/);
});

test('a token of the wrong type is refused', () => {
  rejectsUsage(() => new Heroku({ token: 42 as never }), /token/);
});

test('a negative timeout is refused', () => {
  rejectsUsage(() => new Heroku({ timeout: -1 }), /timeout/);
});

test('a path without a leading slash is refused before any request', () => {
  const before = server.requests.length;
  rejectsUsage(() => testClient(server.url).get('apps'), /must be a string starting with "\/"/);
  assert.equal(server.requests.length, before);
});

test('a body that cannot be JSON is refused before any request', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const before = server.requests.length;
  rejectsUsage(
    () => testClient(server.url).post('/apps', { body: cyclic }),
    /cannot be sent as JSON/,
  );
  rejectsUsage(() => testClient(server.url).post('/apps', { body: 10n }), /cannot be sent as JSON/);
  assert.equal(server.requests.length, before);
});

test('a callback that is not a function is refused before any request', () => {
  const before = server.requests.length;
  rejectsUsage(() => testClient(server.url).get('/apps', {}, 'nope' as never), /callback/);
  assert.equal(server.requests.length, before);
});

test('an unsupported method is refused', () => {
  rejectsUsage(() => testClient(server.url).request({ method: 'TRACE', path: '/apps' }), /method/);
});
