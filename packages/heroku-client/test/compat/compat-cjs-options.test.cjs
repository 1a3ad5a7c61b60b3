'use strict';
/**
 * heroku-client 3's constructor options and headers from CommonJS: the option
 * list, debug output through a logger, the `{ store, encryptor }` cache, and
 * the headers that reach the API. Runs against a fresh emulator.
 */
const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');
const Heroku = require('heroku-client');

/** @type {import('../../dist/test/compat/harness.js').CompatServer} */
let server;
let heroku;

before(async () => {
  const { startCompatServer } = await import('../../dist/test/compat/harness.js');
  server = await startCompatServer();
  heroku = new Heroku({ token: server.token, host: server.url });
  await heroku.post('/apps', { body: { name: 'cjs-cached' } });
});
after(async () => {
  await heroku.close();
  await server.stop();
});

test('every 3.x constructor option is accepted', () => {
  const store = { get: (_key, cb) => cb(null, undefined), set: () => {} };
  const encryptor = { encrypt: (value) => JSON.stringify(value), decrypt: JSON.parse };
  const client = new Heroku({
    token: server.token,
    host: server.url,
    auth: `:${server.token}`,
    headers: { 'X-Origin': 'compat' },
    userAgent: 'compat-suite/1.0',
    timeout: 30000,
    debug: false,
    debugHeaders: false,
    logger: { log: () => {} },
    parseJSON: true,
    partial: false,
    rejectUnauthorized: true,
    cache: { store, encryptor },
  });
  return client.get('/account').then((account) => {
    assert.equal(account.email, 'user@example.com');
    return client.close();
  });
});

test('debug and debugHeaders write to logger.log without the token', () => {
  const lines = [];
  const client = new Heroku({
    host: server.url,
    auth: `:${server.token}`,
    debug: true,
    debugHeaders: true,
    logger: { log: (line) => lines.push(String(line)) },
  });
  const basic = Buffer.from(`:${server.token}`).toString('base64');
  return client.get('/account').then(() => {
    assert.ok(lines.length >= 2);
    assert.ok(lines.some((line) => /authorization/i.test(line)));
    assert.ok(!lines.some((line) => line.includes(server.token) || line.includes(basic)));
    return client.close();
  });
});

test('cache { store, encryptor } revalidates with If-None-Match and answers a 304', () => {
  const saved = new Map();
  const store = {
    get: (key, cb) => cb(null, saved.get(key)),
    set: (key, value) => {
      saved.set(key, value);
    },
  };
  const encryptor = {
    encrypt: (value) => Buffer.from(JSON.stringify(value)).toString('base64'),
    decrypt: (text) => JSON.parse(Buffer.from(text, 'base64').toString('utf8')),
  };
  const client = new Heroku({ token: server.token, host: server.url, cache: { store, encryptor } });
  const start = server.requests.length;
  let first;
  return client
    .get('/apps/cjs-cached')
    .then((app) => {
      first = app;
      return client.get('/apps/cjs-cached');
    })
    .then((again) => {
      assert.deepEqual(again, first);
      const [fresh, revalidated] = server.since(start);
      assert.equal(fresh.headers['if-none-match'], undefined);
      assert.match(revalidated.headers['if-none-match'], /^"/);
      assert.equal(revalidated.status, 304);
      const keys = [...saved.keys()];
      assert.equal(keys.length, 1);
      assert.ok(!keys[0].includes(server.token));
      assert.ok(!saved.get(keys[0]).includes('cjs-cached'));
      return client.close();
    });
});

test('a header set to null is not sent', () => {
  const headers = { 'X-Team': 'ops' };
  const client = new Heroku({ token: server.token, host: server.url, headers });
  const start = server.requests.length;
  return client
    .get('/account')
    .then(() => client.get('/account', { headers: { 'X-Team': null, 'User-Agent': null } }))
    .then(() => {
      const [plain, removed] = server.since(start);
      assert.equal(plain.headers['x-team'], 'ops');
      assert.equal(removed.headers['x-team'], undefined);
      assert.equal(removed.headers['user-agent'], undefined);
      return client.close();
    });
});

test('mutations carry no Range header; a list does', () => {
  const start = server.requests.length;
  return heroku
    .post('/apps', { body: { name: 'cjs-no-range' } })
    .then(() => heroku.patch('/apps/cjs-no-range', { body: { maintenance: true } }))
    .then(() => heroku.delete('/apps/cjs-no-range'))
    .then(() => heroku.get('/apps'))
    .then(() => {
      const ranges = server.since(start).map((sent) => [sent.method, sent.headers.range]);
      assert.deepEqual(ranges, [
        ['POST', undefined],
        ['PATCH', undefined],
        ['DELETE', undefined],
        ['GET', 'id ..; max=1000'],
      ]);
    });
});

test('userAgent is put before the client’s own User-Agent', () => {
  const client = new Heroku({ token: server.token, host: server.url, userAgent: 'my-tool/2.0' });
  const start = server.requests.length;
  return client.get('/account').then(() => {
    assert.match(server.since(start)[0].headers['user-agent'], /^my-tool\/2\.0 heroku-client\//);
    return client.close();
  });
});

test('an option 3.x did not document is rejected before any request', () => {
  assert.throws(
    () => new Heroku({ token: server.token, middleware: () => {} }),
    (error) => error instanceof Heroku.HerokuUsageError && /middleware/.test(error.message),
  );
});

test('sequential calls reuse keep-alive connections instead of one per call', () => {
  const start = server.requests.length;
  const call = () => heroku.get('/account');
  return call()
    .then(call)
    .then(call)
    .then(call)
    .then(() => {
      const connections = server.since(start).map((sent) => sent.connection);
      assert.equal(connections.length, 4);
      assert.ok(new Set(connections).size < connections.length);
    });
});
