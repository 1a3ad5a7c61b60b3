import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type CachedAnswer, type CacheStore, MemoryCacheStore } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { TOKEN, testClient } from '../helpers/client.js';
import { listLink, makeItems, serveList } from '../helpers/list-server.js';

const items = makeItems(2500);
let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/apps') {
      // The ETag names the page, so a repeated page is answered 304.
      const etag = `"${Buffer.from(String(req.headers.range)).toString('hex')}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      res.setHeader('etag', etag);
      return serveList(items, req, res);
    }
    if (req.headers['if-none-match'] === '"v1"')
      return res.writeHead(304, { 'request-id': 'r2', 'ratelimit-remaining': '7' }).end();
    const budget = { 'ratelimit-remaining': '4000' };
    json(res, 200, { name: 'my-app' }, { etag: '"v1"', 'request-id': 'r1', ...budget });
  });
});
after(() => server.close());

test('the cache is off by default: no If-None-Match is sent', async () => {
  const heroku = testClient(server.url);
  await heroku.get('/apps/my-app');
  await heroku.get('/apps/my-app');
  assert.equal(server.requests.at(-1)?.headers['if-none-match'], undefined);
});

test('a 304 is answered from the cache', async () => {
  const heroku = testClient(server.url, { cache: true });
  await heroku.get('/apps/my-app');
  const response = await heroku.get('/apps/my-app').withResponse();
  assert.equal(server.requests.at(-1)?.headers['if-none-match'], '"v1"');
  assert.deepEqual(response.body, { name: 'my-app' });
  assert.equal(response.status, 200);
  assert.equal(response.fromCache, true);
  assert.equal(response.requestId, 'r2');
});

test('a 304 answered from the cache reports the rate-limit budget of the 304', async () => {
  const heroku = testClient(server.url, { cache: true });
  assert.equal((await heroku.get('/apps/my-app').withResponse()).rateLimitRemaining, 4000);
  const response = await heroku.get('/apps/my-app').withResponse();
  assert.equal(response.fromCache, true);
  assert.equal(response.rateLimitRemaining, 7);
  assert.equal(response.headers['ratelimit-remaining'], '7');
  assert.equal(await heroku.rateLimitRemaining(), 7);
});

test('the cache is keyed by token: another token does not reuse an entry', async () => {
  const store = new MemoryCacheStore();
  await testClient(server.url, { cache: store, token: 'tok-a-123' }).get('/apps/my-app');
  await testClient(server.url, { cache: store, token: 'tok-b-456' }).get('/apps/my-app');
  assert.equal(server.requests.at(-1)?.headers['if-none-match'], undefined);
  assert.equal(store.size, 2);
});

test('the cache is keyed by variant', async () => {
  const store = new MemoryCacheStore();
  const heroku = testClient(server.url, { cache: store });
  await heroku.get('/apps/my-app');
  await heroku.get('/apps/my-app', { variant: '3.sdk' });
  assert.equal(server.requests.at(-1)?.headers['if-none-match'], undefined);
});

test('cache keys never contain the token', async () => {
  const keys: string[] = [];
  const store: CacheStore = {
    get: () => undefined,
    set: (key: string) => {
      keys.push(key);
    },
  };
  await testClient(server.url, { cache: store }).get('/apps/my-app');
  assert.equal(keys.length, 1);
  assert.ok(!keys[0]?.includes(TOKEN));
});

test('an async store works and 304s serve every page of a list', async () => {
  const map = new Map<string, CachedAnswer>();
  const store: CacheStore = {
    get: async (key) => map.get(key),
    set: async (key, value) => {
      map.set(key, value);
    },
  };
  const heroku = testClient(server.url, { cache: store });
  const first = await heroku.request({ path: '/apps', link: listLink('/apps') });
  const before = server.requests.length;
  const again = await heroku.request({ path: '/apps', link: listLink('/apps') });
  assert.deepEqual(again, first);
  assert.equal(again.length, 2500);
  const pages = server.requests.slice(before);
  assert.equal(pages.length, 3);
  assert.ok(pages.every((p) => p.headers['if-none-match'] !== undefined));
});

test('the LRU store drops the least recently used entry', () => {
  const store = new MemoryCacheStore(2);
  const entry = { etag: '"x"', status: 200, headers: {}, body: '' };
  store.set('a', entry);
  store.set('b', entry);
  store.get('a');
  store.set('c', entry);
  assert.ok(store.get('a') && store.get('c'));
  assert.equal(store.get('b'), undefined);
});
