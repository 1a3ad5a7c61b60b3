import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((_req, res) => json(res, 200, { ok: true }));
});
after(() => server.close());

function last() {
  const req = server.requests.at(-1);
  assert.ok(req);
  return req;
}

test('Accept asks for version 3 by default', async () => {
  await testClient(server.url).get('/account');
  assert.equal(last().headers.accept, 'application/vnd.heroku+json; version=3');
});

test('the client variant sets the Accept version', async () => {
  await testClient(server.url, { variant: 'sdk' }).get('/account');
  assert.equal(last().headers.accept, 'application/vnd.heroku+json; version=3.sdk');
});

test('a per-call variant overrides the client variant', async () => {
  await testClient(server.url, { variant: '3.sdk' }).get('/account', { variant: '3.webhooks' });
  assert.equal(last().headers.accept, 'application/vnd.heroku+json; version=3.webhooks');
});

test('User-Agent names the client and Node versions after the caller product', async () => {
  await testClient(server.url, { userAgent: 'my-tool/1.2' }).get('/account');
  const agent = String(last().headers['user-agent']);
  assert.match(agent, /^my-tool\/1\.2 heroku-client\/\S+ node\/v\d+/);
  assert.ok(agent.includes(process.version));
});

test('Content-Type is sent only with a body', async () => {
  const heroku = testClient(server.url);
  await heroku.get('/account');
  assert.equal(last().headers['content-type'], undefined);
  await heroku.post('/apps', { body: { name: 'x' } });
  assert.equal(last().headers['content-type'], 'application/json');
  assert.equal(last().body, '{"name":"x"}');
});

test('every request carries a fresh Request-Id', async () => {
  const heroku = testClient(server.url);
  await heroku.get('/account');
  const first = last().headers['request-id'];
  await heroku.get('/account');
  const second = last().headers['request-id'];
  assert.match(String(first), /^[0-9a-f-]{36}$/);
  assert.notEqual(first, second);
});

test('a call that is not a list sends no Range header', async () => {
  await testClient(server.url).post('/apps', { body: {} });
  assert.equal(last().headers.range, undefined);
  await testClient(server.url).get('/account');
  assert.equal(last().headers.range, undefined);
});

test('a header set to null removes it instead of sending "null"', async () => {
  const heroku = testClient(server.url, { headers: { 'X-Team': 'a', 'User-Agent': null } });
  await heroku.get('/account', { headers: { 'x-team': null, 'x-extra': 'y' } });
  assert.equal(last().headers['x-team'], undefined);
  assert.equal(last().headers['user-agent'], undefined);
  assert.equal(last().headers['x-extra'], 'y');
});

test('query values are appended to the path', async () => {
  await testClient(server.url).get('/usage', { query: { start: '2024-01', n: 2, skip: null } });
  assert.equal(last().url, '/usage?start=2024-01&n=2');
});

test('a baseUrl path prefix is kept in front of every path', async () => {
  await testClient(`${server.url}/prefix/`).get('/account');
  assert.equal(last().url, '/prefix/account');
});
