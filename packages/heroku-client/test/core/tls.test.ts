import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { Heroku, isConnectionError } from '../../src/index.js';
import { json, startTlsServer, type TestServer } from '../helpers/api-server.js';
import { createCertificates, type TestCertificates } from '../helpers/tls-cert.js';

let certs: TestCertificates;
let server: TestServer;
before(async () => {
  certs = createCertificates();
  server = await startTlsServer(certs, (_req, res) => json(res, 200, { ok: true }));
});
after(() => server.close());

function client(options: ConstructorParameters<typeof Heroku>[0]): Heroku {
  return new Heroku({ baseUrl: server.url, token: 't0ken', retry: false, env: {}, ...options });
}

test('a certificate from an unknown authority is refused by default', async () => {
  const heroku = client({});
  await assert.rejects(heroku.get('/account'), isConnectionError);
  await heroku.close();
});

test('an extra CA makes its certificates trusted', async () => {
  const heroku = client({ ca: certs.ca });
  assert.deepEqual(await heroku.get('/account'), { ok: true });
  await heroku.close();
});

test('certificate checks are off only when rejectUnauthorized is false', async () => {
  const heroku = client({ rejectUnauthorized: false });
  assert.deepEqual(await heroku.get('/account'), { ok: true });
  await heroku.close();
});

test('SSL_CERT_FILE adds its authorities to the trusted roots', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heroku-client-ca-'));
  writeFileSync(join(dir, 'ca.pem'), certs.ca);
  try {
    const viaFile = client({ env: { SSL_CERT_FILE: join(dir, 'ca.pem') } });
    assert.deepEqual(await viaFile.get('/account'), { ok: true });
    await viaFile.close();
    const viaDir = client({ env: { SSL_CERT_DIR: dir } });
    assert.deepEqual(await viaDir.get('/account'), { ok: true });
    await viaDir.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Node reads NODE_EXTRA_CA_CERTS once, at start-up, so a child process is started with it.
const CHILD = `
const { Heroku } = await import(process.env.ENTRY);
const { readFileSync } = await import('node:fs');
const other = process.env.OTHER_CA;
const ways = [{ ca: readFileSync(other, 'utf8') }, { env: { SSL_CERT_FILE: other } }];
const base = { baseUrl: process.env.URL, token: 't0ken', retry: false, env: {} };
for (const extra of ways) {
  const heroku = new Heroku({ ...base, ...extra });
  console.log(await heroku.get('/account').then(() => 'trusted', (e) => e.message));
  await heroku.close();
}
`;

test('an added authority keeps the ones from NODE_EXTRA_CA_CERTS trusted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'heroku-client-ca-'));
  writeFileSync(join(dir, 'server-ca.pem'), certs.ca);
  writeFileSync(join(dir, 'other-ca.pem'), createCertificates().ca);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '--eval', CHILD],
      {
        env: {
          ...process.env,
          NODE_EXTRA_CA_CERTS: join(dir, 'server-ca.pem'),
          OTHER_CA: join(dir, 'other-ca.pem'),
          ENTRY: new URL('../../src/index.js', import.meta.url).href,
          URL: server.url,
        },
      },
    );
    assert.deepEqual(stdout.trim().split('\n'), ['trusted', 'trusted']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
