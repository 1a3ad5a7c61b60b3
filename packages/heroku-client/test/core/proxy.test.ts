import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Heroku } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { startProxy, type TestProxy } from '../helpers/proxy-server.js';

let server: TestServer;
let proxy: TestProxy;
before(async () => {
  server = await startServer((_req, res) => json(res, 200, { ok: true }));
  proxy = await startProxy();
});
after(async () => {
  await proxy.close();
  await server.close();
});

async function viaProxy(options: ConstructorParameters<typeof Heroku>[0]): Promise<number> {
  const heroku = new Heroku({ baseUrl: server.url, token: 't0ken', retry: false, ...options });
  const before = proxy.uses.length;
  try {
    assert.deepEqual(await heroku.get('/account'), { ok: true });
  } finally {
    await heroku.close();
  }
  return proxy.uses.length - before;
}

test('the proxy option routes requests through the proxy', async () => {
  assert.equal(await viaProxy({ proxy: proxy.url, env: {} }), 1);
  assert.equal(proxy.uses.at(-1)?.target, `127.0.0.1:${server.port}`);
});

test('HTTP_PROXY routes requests to an http API through the proxy', async () => {
  assert.equal(await viaProxy({ env: { HTTP_PROXY: proxy.url } }), 1);
});

test('HEROKU_HTTP_PROXY_HOST/PORT/AUTH route through the proxy with its credentials', async () => {
  const env = {
    HEROKU_HTTP_PROXY_HOST: '127.0.0.1',
    HEROKU_HTTP_PROXY_PORT: String(proxy.port),
    HEROKU_HTTP_PROXY_AUTH: 'user:p@ss',
  };
  assert.equal(await viaProxy({ env }), 1);
  const expected = `Basic ${Buffer.from('user:p@ss').toString('base64')}`;
  assert.equal(proxy.uses.at(-1)?.proxyAuthorization, expected);
});

test('NO_PROXY naming the API host bypasses the proxy', async () => {
  assert.equal(
    await viaProxy({ env: { HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } }),
    0,
  );
});

test('proxy: false ignores the proxy environment', async () => {
  assert.equal(await viaProxy({ proxy: false, env: { HTTP_PROXY: proxy.url } }), 0);
});

test('HTTPS_PROXY is not used for a plain http API', async () => {
  assert.equal(await viaProxy({ env: { HTTPS_PROXY: proxy.url } }), 0);
});
