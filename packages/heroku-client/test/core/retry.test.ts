import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isServerError, type RetryInfo } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

// Each path fails the number of times its first segment says, then succeeds.
const failures = new Map<string, number>();
let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    const [, status, times, key] = req.url.split('/');
    const seen = failures.get(req.url) ?? 0;
    if (seen < Number(times)) {
      failures.set(req.url, seen + 1);
      const headers: Record<string, string> = key === 'after' ? { 'retry-after': '1' } : {};
      return json(res, Number(status), { id: 'unavailable', message: 'try later' }, headers);
    }
    json(res, 200, { ok: true, body: req.body });
  });
});
after(() => server.close());

function count(path: string): number {
  return server.requests.filter((r) => r.url === path).length;
}

for (const status of [429, 502, 503, 504]) {
  test(`a GET answered ${status} is retried until it succeeds`, async () => {
    const path = `/${status}/2/a`;
    assert.deepEqual(await testClient(server.url).get(path), { ok: true, body: '' });
    assert.equal(count(path), 3);
  });
}

test('retries stop after the configured number and the last error is thrown', async () => {
  const path = '/503/9/b';
  const error = await testClient(server.url, { retry: { retries: 2, minDelay: 1 } })
    .get(path)
    .then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
  assert.ok(isServerError(error));
  assert.equal(count(path), 3);
});

test('a 500 is not retried', async () => {
  const path = '/500/1/c';
  await assert.rejects(testClient(server.url).get(path));
  assert.equal(count(path), 1);
});

test('a POST answered 503 is not retried: it may have reached the server', async () => {
  const path = '/503/1/d';
  await assert.rejects(testClient(server.url).post(path, { body: { a: 1 } }));
  assert.equal(count(path), 1);
});

test('the body is sent again on each attempt of a PUT', async () => {
  const path = '/503/1/e';
  const result = await testClient(server.url).put(path, { body: { a: 1 } });
  assert.deepEqual(result, { ok: true, body: '{"a":1}' });
  assert.deepEqual(
    server.requests.filter((r) => r.url === path).map((r) => r.body),
    ['{"a":1}', '{"a":1}'],
  );
});

test('Retry-After sets the delay before the next attempt', async () => {
  const infos: RetryInfo[] = [];
  const heroku = testClient(server.url, { retry: { minDelay: 1, onRetry: (i) => infos.push(i) } });
  await heroku.get('/429/1/after');
  assert.equal(infos.length, 1);
  assert.equal(infos[0]?.delay, 1000);
  assert.equal(infos[0]?.status, 429);
});

test('no retry starts when its wait would pass the deadline', async () => {
  const path = '/429/1/after';
  failures.delete(path);
  const heroku = testClient(server.url, { retry: { deadline: 500 } });
  await assert.rejects(heroku.get(path));
  assert.equal(failures.get(path), 1);
});

test('backoff grows exponentially with jitter within its bounds', async () => {
  const infos: RetryInfo[] = [];
  const heroku = testClient(server.url, {
    retry: { retries: 3, minDelay: 8, maxDelay: 20, onRetry: (i) => infos.push(i) },
  });
  await heroku.get('/503/3/f');
  const delays = infos.map((i) => i.delay);
  assert.equal(delays.length, 3);
  assert.ok(delays[0] !== undefined && delays[0] >= 4 && delays[0] <= 8);
  assert.ok(delays[1] !== undefined && delays[1] >= 8 && delays[1] <= 16);
  assert.ok(delays[2] !== undefined && delays[2] >= 10 && delays[2] <= 20);
});

test('retry: false sends each call once', async () => {
  const path = '/503/1/g';
  await assert.rejects(testClient(server.url, { retry: false }).get(path));
  assert.equal(count(path), 1);
});
