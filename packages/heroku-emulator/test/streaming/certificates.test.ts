import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ensureCertificates } from '../../src/rendezvous/index.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'heroku-emulator-tls-'));

test('the first start creates a CA and a server certificate for 127.0.0.1 and localhost', async () => {
  const certificates = await ensureCertificates(fresh());
  const ca = new X509Certificate(readFileSync(certificates.caFile));
  const cert = new X509Certificate(certificates.cert);

  assert.ok(ca.ca);
  assert.ok(cert.verify(ca.publicKey));
  assert.equal(cert.checkIP('127.0.0.1'), '127.0.0.1');
  assert.equal(cert.checkHost('localhost'), 'localhost');
  assert.equal(certificates.ca, readFileSync(certificates.caFile, 'utf8'));
});

test('later starts reuse the certificate kept with the data', async () => {
  const dir = fresh();
  const first = await ensureCertificates(dir);
  const second = await ensureCertificates(dir);

  assert.equal(second.caFile, first.caFile);
  assert.equal(second.cert, first.cert);
  assert.equal(second.key, first.key);
});

test('an unusable certificate is replaced by a new one', async () => {
  const dir = fresh();
  const first = await ensureCertificates(dir);
  writeFileSync(join(dir, 'tls', 'server.pem'), 'not a certificate');

  const second = await ensureCertificates(dir);
  assert.notEqual(second.ca, first.ca);
  assert.ok(new X509Certificate(second.cert).verify(new X509Certificate(second.ca).publicKey));
});

test('emulators starting together with no certificate agree on one', async () => {
  const dir = fresh();
  const all = await Promise.all([1, 2, 3].map(() => ensureCertificates(dir)));
  for (const certificates of all) assert.equal(certificates.ca, all[0]?.ca);
});
