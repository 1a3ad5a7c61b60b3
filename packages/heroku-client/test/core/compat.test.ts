/**
 * heroku-client 3's documented usage (its README and option list), run
 * through the CommonJS entry against a test server.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import HerokuDefault, { Heroku as HerokuNamed } from 'heroku-client';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { makeItems, serveList } from '../helpers/list-server.js';

const require = createRequire(import.meta.url);
const Heroku = require('../../../cjs/index.cjs') as typeof HerokuNamed;

const apps = makeItems(1500);
let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/apps' && req.method === 'GET') return serveList(apps, req, res);
    if (req.url === '/apps/missing') {
      return json(res, 404, {
        id: 'not_found',
        message: "Couldn't find that app.",
        resource: 'app',
      });
    }
    if (req.url === '/cached') {
      if (req.headers['if-none-match'] === '"e1"') return res.writeHead(304).end();
      return json(res, 200, { cached: true }, { etag: '"e1"' });
    }
    json(res, req.method === 'POST' ? 201 : 200, {
      method: req.method,
      url: req.url,
      body: req.body === '' ? null : JSON.parse(req.body),
      authorization: req.headers.authorization ?? null,
      foo: req.headers.foo ?? null,
    });
  });
});
after(() => server.close());

function client(options: Record<string, unknown> = {}) {
  return new Heroku({ host: server.url, token: 'tok-3x', retry: false, env: {}, ...options });
}

test('require gives the Heroku class, the same one import gives, named and default', () => {
  assert.equal(typeof Heroku, 'function');
  assert.equal(Heroku, HerokuNamed);
  assert.equal(HerokuDefault, HerokuNamed);
  assert.equal((Heroku as unknown as { Heroku: unknown }).Heroku, HerokuNamed);
  assert.equal((Heroku as unknown as { default: unknown }).default, HerokuNamed);
});

test('get resolves to the parsed body', async () => {
  const body = (await client().get('/account')) as { method: string };
  assert.equal(body.method, 'GET');
});

test('post, patch and delete send the body as JSON', async () => {
  const heroku = client();
  assert.deepEqual(
    ((await heroku.post('/apps', { body: { name: 'x' } })) as { body: unknown }).body,
    { name: 'x' },
  );
  const patched = (await heroku.patch('/apps/my-app', { body: { name: 'y' } })) as {
    method: string;
  };
  assert.equal(patched.method, 'PATCH');
  assert.equal(((await heroku.delete('/apps/my-old-app')) as { method: string }).method, 'DELETE');
});

test('a list resolves to every page concatenated', async () => {
  const all = (await client().get('/apps')) as unknown[];
  assert.equal(all.length, 1500);
  assert.deepEqual(all, apps);
});

test('request with headers and parseJSON: false resolves to the raw text', async () => {
  const text = await client().request({
    method: 'GET',
    path: '/raw',
    headers: { Foo: 'Bar' },
    parseJSON: false,
  });
  assert.equal(typeof text, 'string');
  assert.equal(JSON.parse(text as string).foo, 'Bar');
});

test('partial stops a list after its first page', async () => {
  assert.equal(((await client().get('/apps', { partial: true })) as unknown[]).length, 1000);
  assert.equal(((await client({ partial: true }).get('/apps')) as unknown[]).length, 1000);
});

test('errors keep the 3.x fields statusCode and body', async () => {
  const error = await client()
    .get('/apps/missing')
    .then(
      () => assert.fail('should fail'),
      (e: unknown) => e as { statusCode: number; body: { resource: string } },
    );
  assert.equal(error.statusCode, 404);
  assert.equal(error.body.resource, 'app');
});

test('auth "user:password" is sent as HTTP Basic', async () => {
  const body = (await client({ auth: 'me@example.com:secret' }).get('/account')) as {
    authorization: string;
  };
  assert.equal(
    body.authorization,
    `Basic ${Buffer.from('me@example.com:secret').toString('base64')}`,
  );
});

test('host is accepted without a scheme', () => {
  assert.doesNotThrow(() => new Heroku({ host: 'api.heroku.com', env: {} }));
});

test('cache { store, encryptor } with a callback-style store answers 304s from it', async () => {
  const saved = new Map<string, string>();
  const store = {
    get: (key: string, cb: (error: unknown, value?: string) => void) => cb(null, saved.get(key)),
    set: (key: string, value: string) => {
      saved.set(key, value);
    },
  };
  const encryptor = {
    encrypt: (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64'),
    decrypt: (value: string) => JSON.parse(Buffer.from(value, 'base64').toString('utf8')),
  };
  const heroku = client({ cache: { store, encryptor } });
  await heroku.get('/cached');
  const again = await heroku.get('/cached').withResponse();
  assert.deepEqual(again.body, { cached: true });
  assert.equal(again.fromCache, true);
  assert.ok(![...saved.values()].some((v) => v.includes('cached')));
});

test('debug with a logger that has only log() prints the traces', async () => {
  const lines: string[] = [];
  await client({ debug: true, logger: { log: (m: string) => lines.push(m) } }).get('/account');
  assert.equal(lines.length, 2);
});
