import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
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
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
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
