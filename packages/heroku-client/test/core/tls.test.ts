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
