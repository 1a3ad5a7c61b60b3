/**
 * heroku-client 3's constructor options and headers from an ES module: the
 * option list, debug output through a logger, the cache with a plain store,
 * and the headers that reach the API. Runs against a fresh emulator.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Heroku, { HerokuUsageError } from 'heroku-client';
import { startCompatServer } from '../../dist/test/compat/harness.js';

/** @type {import('../../dist/test/compat/harness.js').CompatServer} */
let server;
/** @type {Heroku} */
let heroku;

before(async () => {
  server = await startCompatServer();
  heroku = new Heroku({ token: server.token, host: server.url });
  await heroku.post('/apps', { body: { name: 'esm-cached' } });
});
after(async () => {
  await heroku.close();
  await server.stop();
});

test('every 3.x constructor option is accepted', async () => {
  const client = new Heroku({
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
    cache: { store: { get: (_key, cb) => cb(null, undefined), set: () => {} } },
  });
  assert.equal((await client.get('/account')).email, 'user@example.com');
  await client.close();
});

test('debug and debugHeaders write to logger.log without the token', async () => {
  const lines = [];
  const client = new Heroku({
    token: server.token,
    host: server.url,
    debug: true,
    debugHeaders: true,
    logger: { log: (line) => lines.push(String(line)) },
  });
  await client.get('/account');
  assert.ok(lines.some((line) => /authorization/i.test(line)));
  assert.ok(!lines.some((line) => line.includes(server.token)));
  await client.close();
});

test('a logger hears nothing while debug is off', async () => {
  const lines = [];
  const client = new Heroku({
    token: server.token,
    host: server.url,
    logger: { log: (line) => lines.push(line) },
  });
  await client.get('/account');
  assert.deepEqual(lines, []);
  await client.close();
});

test('cache with a store and no encryptor keeps JSON and answers a 304 from it', async () => {
  const saved = new Map();
  const store = {
    get: (key, cb) => cb(null, saved.get(key)),
    set: (key, value) => {
      saved.set(key, value);
    },
  };
  const client = new Heroku({ token: server.token, host: server.url, cache: { store } });
  const start = server.requests.length;
  const first = await client.get('/apps/esm-cached');
  assert.deepEqual(await client.get('/apps/esm-cached'), first);
  const revalidated = server.since(start)[1];
  assert.match(revalidated?.headers['if-none-match'] ?? '', /^"/);
  assert.equal(revalidated?.status, 304);
  const [key, value] = [...saved][0] ?? [];
  assert.ok(!key?.includes(server.token));
  assert.equal(typeof JSON.parse(value).etag, 'string');
  await client.close();
});

test('a header set to null is not sent', async () => {
  const client = new Heroku({ token: server.token, host: server.url, headers: { 'X-Team': 'a' } });
  const start = server.requests.length;
  await client.get('/account');
  await client.get('/account', { headers: { 'X-Team': null, 'User-Agent': null } });
  const [plain, removed] = server.since(start);
  assert.equal(plain?.headers['x-team'], 'a');
  assert.equal(removed?.headers['x-team'], undefined);
  assert.equal(removed?.headers['user-agent'], undefined);
  await client.close();
});

test('mutations carry no Range header; a list does', async () => {
  const start = server.requests.length;
  await heroku.post('/apps', { body: { name: 'esm-no-range' } });
  await heroku.patch('/apps/esm-no-range', { body: { maintenance: true } });
  await heroku.delete('/apps/esm-no-range');
  await heroku.get('/apps');
  assert.deepEqual(
    server.since(start).map((sent) => [sent.method, sent.headers.range]),
    [
      ['POST', undefined],
      ['PATCH', undefined],
      ['DELETE', undefined],
      ['GET', 'id ..; max=1000'],
    ],
  );
});

test('userAgent is put before the client’s own User-Agent', async () => {
  const client = new Heroku({ token: server.token, host: server.url, userAgent: 'my-tool/2.0' });
  const start = server.requests.length;
  await client.get('/account');
  assert.match(
    server.since(start)[0]?.headers['user-agent'] ?? '',
    /^my-tool\/2\.0 heroku-client\//,
  );
  await client.close();
});

test('an option 3.x did not document is rejected before any request', () => {
  assert.throws(() => new Heroku({ token: server.token, middleware: () => {} }), HerokuUsageError);
});
