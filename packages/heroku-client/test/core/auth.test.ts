import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Heroku, isUnauthorizedError } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';

let server: TestServer;
let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'heroku-client-auth-'));
  server = await startServer((req, res) => {
    if (req.headers.authorization === undefined) {
      return json(res, 401, { id: 'unauthorized', message: 'Invalid credentials provided.' });
    }
    json(res, 200, {});
  });
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
});

function client(options: ConstructorParameters<typeof Heroku>[0]): Heroku {
  return new Heroku({ baseUrl: server.url, retry: false, ...options });
}

async function authorization(heroku: Heroku): Promise<string | undefined> {
  await heroku.get('/account');
  return server.requests.at(-1)?.headers.authorization;
}

test('the token option is sent as a Bearer token', async () => {
  const heroku = client({ token: 'tok-option', env: { HEROKU_API_KEY: 'tok-env' } });
  assert.equal(await authorization(heroku), 'Bearer tok-option');
});

test('without the option, HEROKU_API_KEY is used', async () => {
  assert.equal(
    await authorization(client({ env: { HEROKU_API_KEY: 'tok-env' } })),
    'Bearer tok-env',
  );
});

test('without option or HEROKU_API_KEY, the netrc password of the API host is used', async () => {
  const netrc = join(dir, 'netrc');
  const host = new URL(server.url).host;
  writeFileSync(
    netrc,
    `machine git.heroku.com\n  login a@b.c\n  password tok-git\nmachine ${host}\n  login a@b.c\n  password tok-netrc\n`,
  );
  assert.equal(await authorization(client({ env: { NETRC: netrc } })), 'Bearer tok-netrc');
});

test('a netrc entry for another machine is not used', async () => {
  const netrc = join(dir, 'netrc-other');
  writeFileSync(netrc, 'machine api.heroku.com login a password tok-elsewhere\n');
  const heroku = client({ env: { NETRC: netrc } });
  await assert.rejects(heroku.get('/account'), isUnauthorizedError);
});

test('the netrc default entry is never sent to the API', async () => {
  const host = new URL(server.url).host;
  const texts = [
    'machine github.com login me password tok-github\ndefault login anon password tok-default\n',
    // The host's entry has no password; the `default` after it must not lend it one.
    `machine ${host} login a@b.c\ndefault login anon password tok-default\n`,
  ];
  for (const [i, text] of texts.entries()) {
    const netrc = join(dir, `netrc-default-${i}`);
    writeFileSync(netrc, text);
    await assert.rejects(client({ env: { NETRC: netrc } }).get('/account'), isUnauthorizedError);
    assert.equal(server.requests.at(-1)?.headers.authorization, undefined);
  }
});

test('a token function is asked for each request', async () => {
  let n = 0;
  const heroku = client({ token: async () => `tok-${++n}` });
  assert.equal(await authorization(heroku), 'Bearer tok-1');
  assert.equal(await authorization(heroku), 'Bearer tok-2');
});

test('a missing token gives a 401 error that says where tokens come from', async () => {
  const heroku = client({ env: { NETRC: join(dir, 'absent') } });
  await assert.rejects(heroku.get('/account'), (error: Error) => {
    assert.ok(isUnauthorizedError(error));
    assert.match(error.message, /HEROKU_API_KEY/);
    return true;
  });
});

test('the token only goes to the API origin: a path cannot name another host', async () => {
  const heroku = client({ token: 'tok-origin' });
  const before = server.requests.length;
  await heroku.get('//evil.example/steal');
  const received = server.requests[before];
  assert.equal(received?.url, '//evil.example/steal');
  assert.equal(received?.headers.host, new URL(server.url).host);
});
