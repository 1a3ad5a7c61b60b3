import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isNotFoundError } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/missing') return json(res, 404, { id: 'not_found', message: 'nope' });
    if (req.url === '/empty') return res.writeHead(202).end();
    if (req.url === '/text') return res.writeHead(200, { 'content-type': 'text/plain' }).end('hi');
    json(res, 201, { name: 'x' }, { 'request-id': 'req-1', 'ratelimit-remaining': '4321' });
  });
});
after(() => server.close());

test('withResponse gives status, headers, request id and RateLimit-Remaining with the body', async () => {
  const response = await testClient(server.url).post('/apps', { body: {} }).withResponse();
  assert.deepEqual(response.body, { name: 'x' });
  assert.equal(response.status, 201);
  assert.equal(response.requestId, 'req-1');
  assert.equal(response.rateLimitRemaining, 4321);
  assert.equal(response.headers['content-type'], 'application/json');
  assert.equal(response.fromCache, false);
});

test('the last RateLimit-Remaining is remembered per token', async () => {
  const heroku = testClient(server.url);
  assert.equal(await heroku.rateLimitRemaining(), undefined);
  await heroku.get('/account');
  assert.equal(await heroku.rateLimitRemaining(), 4321);
  assert.equal(
    await testClient(server.url, { token: 'other-token' }).rateLimitRemaining(),
    undefined,
  );
});

test('a node-style callback receives the body', async () => {
  const body = await new Promise((resolve, reject) => {
    testClient(server.url).get('/apps/x', (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
  assert.deepEqual(body, { name: 'x' });
});

test('a node-style callback receives the error', async () => {
  const error = await new Promise((resolve) => {
    testClient(server.url).get('/missing', {}, (e) => resolve(e));
  });
  assert.ok(isNotFoundError(error));
});

test('an empty body resolves to undefined', async () => {
  assert.equal(await testClient(server.url).delete('/empty'), undefined);
});

test('a body that is not JSON resolves to its text', async () => {
  assert.equal(await testClient(server.url).get('/text'), 'hi');
});

test('parseJSON: false resolves to the raw text', async () => {
  assert.equal(await testClient(server.url).get('/apps/x', { parseJSON: false }), '{"name":"x"}');
});

test('an injected transport replaces the network', async () => {
  const seen: string[] = [];
  const heroku = testClient('https://api.example', {
    transport: async (request) => {
      seen.push(`${request.method} ${request.origin}${request.path}`);
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '[1,2]' };
    },
  });
  assert.deepEqual(await heroku.get('/things'), [1, 2]);
  assert.deepEqual(seen, ['GET https://api.example/things']);
});
