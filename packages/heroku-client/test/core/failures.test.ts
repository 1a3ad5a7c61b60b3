import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, test } from 'node:test';
import {
  HerokuAbortError,
  HerokuConnectionError,
  HerokuTimeoutError,
  isAbortError,
  isConnectionError,
  isTimeoutError,
} from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    // /hang never answers; the client's timeout or signal ends the wait.
    if (req.url === '/hang') return;
    json(res, 200, {});
  });
});
after(() => server.close());

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

test('a refused connection rejects with a connection error that keeps the cause', async () => {
  const heroku = testClient(`http://127.0.0.1:${await closedPort()}`, { retry: false });
  const error = await heroku.get('/account').then(
    () => assert.fail('should fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof HerokuConnectionError && isConnectionError(error));
  assert.match(error.message, /GET \/account failed: ECONNREFUSED/);
  assert.ok(error.cause !== undefined);
});

test('no answer within the timeout rejects with a timeout error', async () => {
  const heroku = testClient(server.url, { timeout: 50, retry: false });
  const error = await heroku.get('/hang').then(
    () => assert.fail('should fail'),
    (e: unknown) => e,
  );
  assert.ok(
    error instanceof HerokuTimeoutError && isTimeoutError(error) && isConnectionError(error),
  );
  assert.ok(error.cause !== undefined);
});

test('an aborted signal rejects with an abort error that keeps the cause', async () => {
  const controller = new AbortController();
  const call = testClient(server.url).get('/hang', { signal: controller.signal });
  setImmediate(() => controller.abort(new Error('user cancelled')));
  const error = await call.then(
    () => assert.fail('should fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof HerokuAbortError && isAbortError(error));
  assert.ok(error.cause !== undefined);
});

/** Resolves once the server has received more than `count` requests. */
async function received(count: number): Promise<void> {
  while (server.requests.length <= count) await new Promise((r) => setTimeout(r, 2));
}

test("an abort's cause is the reason given to abort(), not the transport's error", async () => {
  const controller = new AbortController();
  const reason = new Error('user cancelled');
  const before = server.requests.length;
  const call = testClient(server.url).get('/hang', { signal: controller.signal });
  await received(before);
  controller.abort(reason);
  const error = await call.then(
    () => assert.fail('should fail'),
    (e: unknown) => e,
  );
  assert.ok(isAbortError(error));
  assert.equal(error.cause, reason);
});

test("an abort without a reason has the signal's AbortError as its cause", async () => {
  const controller = new AbortController();
  const before = server.requests.length;
  const call = testClient(server.url).get('/hang', { signal: controller.signal });
  await received(before);
  controller.abort();
  const error = await call.then(
    () => assert.fail('should fail'),
    (e: unknown) => e,
  );
  assert.ok(isAbortError(error));
  assert.equal(error.cause, controller.signal.reason);
});

test('a signal aborted before the call sends nothing', async () => {
  const before = server.requests.length;
  const error = await testClient(server.url)
    .get('/account', { signal: AbortSignal.abort() })
    .then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
  assert.ok(isAbortError(error));
  assert.equal(server.requests.length, before);
});
