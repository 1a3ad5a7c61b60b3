/**
 * heroku-client 3's options and headers from TypeScript: the typed
 * `{ store, encryptor }` cache, debug output through a logger, `partial`,
 * null headers and the Range header. Runs against a fresh emulator.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Heroku from 'heroku-client';
import { type CompatServer, startCompatServer } from './harness.js';

interface App {
  readonly name: string;
}

let server: CompatServer;
let heroku: Heroku;

before(async () => {
  server = await startCompatServer();
  heroku = new Heroku({ token: server.token, host: server.url });
  for (const name of ['ts-opt-a', 'ts-opt-b', 'ts-opt-c']) {
    await heroku.post('/apps', { body: { name } });
  }
});
after(async () => {
  await heroku.close();
  await server.stop();
});

test('cache { store, encryptor } type-checks, revalidates and answers a 304', async () => {
  const saved = new Map<string, string>();
  const store = {
    get: (key: string, cb: (error: Error | null, value?: string) => void) =>
      cb(null, saved.get(key)),
    set: (key: string, value: string) => {
      saved.set(key, value);
    },
  };
  const encryptor = {
    encrypt: (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64'),
    decrypt: (text: string): unknown => JSON.parse(Buffer.from(text, 'base64').toString('utf8')),
  };
  const client = new Heroku({ token: server.token, host: server.url, cache: { store, encryptor } });
  const start = server.requests.length;
  const first = await client.get<App>('/apps/ts-opt-a');
  assert.deepEqual(await client.get<App>('/apps/ts-opt-a'), first);
  const revalidated = server.since(start)[1];
  assert.match(revalidated?.headers['if-none-match'] ?? '', /^"/);
  assert.equal(revalidated?.status, 304);
  assert.ok(![...saved.values()].some((value) => value.includes('ts-opt-a')));
  await client.close();
});

test('debug with a log()-only logger never prints the token', async () => {
  const lines: string[] = [];
  const client = new Heroku({
    token: server.token,
    host: server.url,
    debug: true,
    debugHeaders: true,
    logger: { log: (line: string) => lines.push(line) },
  });
  await client.get('/account');
  assert.ok(lines.length >= 2);
  assert.ok(!lines.some((line) => line.includes(server.token)));
  await client.close();
});

test('partial: true resolves to the first page only', async () => {
  const apps = await heroku.get<App[]>('/apps', {
    partial: true,
    headers: { Range: 'name ..; max=2' },
  });
  assert.deepEqual(
    apps.map((app) => app.name),
    ['ts-opt-a', 'ts-opt-b'],
  );
});

test('a header set to null is not sent', async () => {
  const start = server.requests.length;
  await heroku.get('/account', { headers: { 'User-Agent': null } });
  assert.equal(server.since(start)[0]?.headers['user-agent'], undefined);
});

test('mutations carry no Range header; a list does', async () => {
  const start = server.requests.length;
  await heroku.post('/apps', { body: { name: 'ts-no-range' } });
  await heroku.delete('/apps/ts-no-range');
  await heroku.get('/apps');
  assert.deepEqual(
    server.since(start).map((sent) => sent.headers.range),
    [undefined, undefined, 'id ..; max=1000'],
  );
});
