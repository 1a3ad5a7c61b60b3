import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Heroku, type HerokuOptions, isUsageError } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { TOKEN, testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  // Retry-After: 0 lets a test count the retries of the default policy without its waits.
  server = await startServer((_req, res) =>
    json(res, 503, { id: 'unavailable', message: 'down' }, { 'retry-after': '0' }),
  );
});
after(() => server.close());

/** Asserts a HerokuUsageError whose message matches and never holds the token. */
function refused(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(isUsageError(error), String(error));
    assert.match(error.message, pattern);
    assert.ok(!error.message.includes(TOKEN));
    return true;
  });
}

function build(options: Record<string, unknown>): () => Heroku {
  return () => testClient(server.url, options as HerokuOptions);
}

test('headers that are not a plain object are refused at construction', () => {
  for (const headers of ['abc', ['x'], new Map(), null]) {
    refused(build({ headers }), /`headers` must be a plain object/);
  }
});

test('a variant or userAgent that is not a string is refused', () => {
  refused(build({ variant: 5 }), /`variant` must be a string/);
  refused(build({ userAgent: 5 }), /`userAgent` must be a string/);
});

test('switches that are not booleans are refused', () => {
  for (const name of ['debug', 'debugHeaders', 'parseJSON', 'partial', 'rejectUnauthorized']) {
    refused(build({ [name]: 'yes' }), new RegExp(`\`${name}\` must be a boolean`));
  }
});

test('retry must be false, true or an object of well-typed settings', () => {
  refused(build({ retry: 'abc' }), /`retry` must be false, true or an object/);
  refused(build({ retry: { statuses: 503 } }), /`retry.statuses` must be an array/);
  refused(build({ retry: { statuses: ['503'] } }), /`retry.statuses` must be an array/);
  refused(build({ retry: { retries: '3' } }), /`retry.retries` must be a number of at least 0/);
  refused(build({ retry: { minDelay: -1 } }), /`retry.minDelay` must be a number/);
  refused(build({ retry: { deadline: Number.NaN } }), /`retry.deadline` must be a number/);
  refused(build({ retry: { onRetry: 'log' } }), /`retry.onRetry` must be a function/);
  refused(build({ retry: { tries: 3 } }), /unknown option `retry.tries`/);
});

test('retry: true keeps the default policy of three retries', async () => {
  const before = server.requests.length;
  await assert.rejects(testClient(server.url, { retry: true }).get('/account'));
  assert.equal(server.requests.length - before, 4);
});

test('a proxy that is not false or an http(s) URL is refused without echoing it', () => {
  refused(build({ proxy: 5 }), /`proxy` must be false or an http\(s\) URL string/);
  refused(build({ proxy: 'not a url' }), /`proxy` must be false/);
  refused(build({ proxy: `socks5://u:${TOKEN}@127.0.0.1:1080` }), /`proxy` must be false/);
  assert.ok(build({ proxy: 'http://127.0.0.1:3128' })() instanceof Heroku);
});

test('a ca that is not PEM text, a Buffer or an array of them is refused', () => {
  refused(build({ ca: 5 }), /`ca` must be a PEM string, a Buffer, or an array of them/);
  refused(build({ ca: ['pem', 5] }), /`ca` must be/);
  assert.ok(build({ ca: [Buffer.from('pem'), 'pem'] })() instanceof Heroku);
});

test('a logger without debug, warn or log functions is refused', () => {
  refused(build({ logger: {} }), /`logger` must have a debug, warn or log function/);
  refused(build({ logger: 'console' }), /`logger` must be an object/);
  refused(build({ logger: { log: () => {}, warn: 'loud' } }), /`logger.warn` must be a function/);
  assert.ok(build({ logger: { warn: () => {} } })() instanceof Heroku);
});

test('rateLimit must be an object of well-typed settings', () => {
  refused(build({ rateLimit: 'fast' }), /`rateLimit` must be an object/);
  refused(build({ rateLimit: { pace: 'yes' } }), /`rateLimit.pace` must be a boolean/);
  refused(build({ rateLimit: { reserve: -5 } }), /`rateLimit.reserve` must be a number/);
});

test('env that is not an object is refused', () => {
  refused(() => new Heroku({ env: null as never }), /`env` must be an object/);
});

/** Asserts a call is refused before anything reaches the server. */
function refusedCall(options: Record<string, unknown>, pattern: RegExp): void {
  const before = server.requests.length;
  refused(() => testClient(server.url).get('/account', options as never), pattern);
  assert.equal(server.requests.length, before);
}

test('a signal that is not an AbortSignal is refused before any request', () => {
  refusedCall({ signal: {} }, /GET \/account: `signal` must be an AbortSignal/);
  refusedCall({ signal: 'x' }, /`signal` must be an AbortSignal/);
});

test('per-call range, partial, twoFactorCode, parseJSON and variant are type-checked', () => {
  refusedCall({ range: 5 }, /`range` must be a string/);
  refusedCall({ partial: 'no' }, /`partial` must be a boolean/);
  refusedCall({ twoFactorCode: 123456 }, /`twoFactorCode` must be a string/);
  refusedCall({ parseJSON: 0 }, /`parseJSON` must be a boolean/);
  refusedCall({ variant: 3 }, /`variant` must be a string or null/);
  refusedCall({ timeout: '5' }, /`timeout` must be a number of at least 0/);
  refusedCall({ headers: ['x'] }, /`headers` must be a plain object/);
});
