import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Logger } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { TOKEN, testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/warn') {
      return json(res, 200, {}, { 'x-heroku-warning': 'This stack is deprecated' });
    }
    if (req.url === '/warn2')
      return json(res, 200, {}, { 'warning-message': 'warning: Plan ends soon' });
    if (req.url === '/echo') {
      // A careless server that echoes the credentials back in its error.
      return json(
        res,
        401,
        { id: 'unauthorized', message: `bad ${req.headers.authorization}` },
        {
          'set-cookie': `session=${TOKEN}`,
        },
      );
    }
    json(res, 200, { ok: true }, { 'set-cookie': 'session=abc' });
  });
});
after(() => server.close());

function recorder(): { logger: Logger; lines: string[]; warnings: string[] } {
  const lines: string[] = [];
  const warnings: string[] = [];
  return {
    lines,
    warnings,
    logger: { debug: (m) => lines.push(m), warn: (m) => warnings.push(m) },
  };
}

test('logging is silent by default', async () => {
  const { logger, lines } = recorder();
  await testClient(server.url, { logger }).get('/account');
  assert.deepEqual(lines, []);
});

test('debug traces each request and response', async () => {
  const { logger, lines } = recorder();
  await testClient(server.url, { logger, debug: true }).get('/account');
  assert.equal(lines.length, 2);
  assert.match(lines[0] ?? '', /^--> GET \/account$/);
  assert.match(lines[1] ?? '', /^<-- 200 GET \/account/);
});

test('HEROKU_DEBUG switches debugging on', async () => {
  const { logger, lines } = recorder();
  await testClient(server.url, { logger, env: { HEROKU_DEBUG: '1' } }).get('/account');
  assert.equal(lines.length, 2);
});

test('debugHeaders prints headers with Authorization and cookies as ***', async () => {
  const { logger, lines } = recorder();
  await testClient(server.url, { logger, debugHeaders: true }).get('/account');
  const text = lines.join('\n');
  assert.match(text, /authorization: \*\*\*/);
  assert.match(text, /set-cookie: \*\*\*/);
  assert.match(text, /accept: application\/vnd\.heroku\+json; version=3/);
});

test('a logger with only log() (heroku-client 3 style) receives the traces', async () => {
  const lines: string[] = [];
  await testClient(server.url, { logger: { log: (m) => lines.push(m) }, debug: true }).get('/a');
  assert.equal(lines.length, 2);
});

test('X-Heroku-Warning and Warning-Message surface once each', async () => {
  const { logger, warnings } = recorder();
  const heroku = testClient(server.url, { logger });
  await heroku.get('/warn');
  await heroku.get('/warn');
  await heroku.get('/warn2');
  await heroku.get('/warn2');
  assert.deepEqual(warnings, ['This stack is deprecated', 'Plan ends soon']);
});

test('the token never appears in debug output, errors or thrown messages', async () => {
  const { logger, lines, warnings } = recorder();
  const heroku = testClient(server.url, { logger, debugHeaders: true, retry: false });
  await heroku.get('/account');
  const error = await heroku.get('/echo').then(
    () => assert.fail('should fail'),
    (e: unknown) => e as Error & { headers: unknown; body: unknown },
  );
  const usage = (() => {
    try {
      heroku.get('no-slash');
    } catch (e) {
      return e as Error;
    }
  })();
  assert.ok(lines.length >= 4);
  assert.match(error.message, /^bad Bearer \*\*\*$/);
  const everything = [
    ...lines,
    ...warnings,
    error.message,
    String(error.stack),
    JSON.stringify(error.body),
    JSON.stringify(error.headers),
    String(usage?.message),
  ].join('\n');
  assert.ok(!everything.includes(TOKEN));
});
