import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, test } from 'node:test';
import { failure, newApp, type Platform, startPlatform } from './helpers.js';
import { makePems, type Pair, type Pems } from './sni-pem.js';

type SslCert = {
  'ca_signed?': boolean;
  'self_signed?': boolean;
  cert_domains: string[];
  expires_at: string;
  starts_at: string;
  issuer: string;
  subject: string;
};
type Endpoint = {
  id: string;
  name: string;
  display_name: string | null;
  certificate_chain: string;
  domains: string[];
  app: { name: string };
  ssl_cert: SslCert;
  created_at: string;
  updated_at: string;
};

let p: Platform;
let pems: Pems;
before(async () => {
  [p, pems] = await Promise.all([startPlatform(), makePems()]);
});
after(() => Promise.all([p.stop(), pems.close()]));

const body = (pair: Pair) => ({ certificate_chain: pair.cert, private_key: pair.key });
const endpoints = (app: string) => p.alice.apps(app).sniEndpoints();
const create = (app: string, pair: Pair) => endpoints(app).create(body(pair)) as Promise<Endpoint>;
const addDomain = async (app: string, hostname: string) =>
  (await p.alice.apps(app).domains().create({ hostname, sni_endpoint: null })) as { id: string };

test('creating an endpoint reports the facts of the chain’s first certificate', async () => {
  const app = await newApp(p.alice);
  const endpoint = await create(app, pems.plain);
  const x509 = new X509Certificate(pems.plain.cert);
  assert.deepEqual(endpoint.ssl_cert.cert_domains, ['example.org', 'www.example.org']);
  assert.equal(endpoint.ssl_cert.subject, '/C=US/O=Emulator Test/CN=example.org');
  assert.equal(endpoint.ssl_cert.issuer, endpoint.ssl_cert.subject);
  assert.equal(endpoint.ssl_cert['self_signed?'], true);
  assert.equal(endpoint.ssl_cert['ca_signed?'], false);
  assert.equal(Date.parse(endpoint.ssl_cert.starts_at), Date.parse(x509.validFrom));
  assert.equal(Date.parse(endpoint.ssl_cert.expires_at), Date.parse(x509.validTo));
  assert.equal(endpoint.certificate_chain, pems.plain.cert);
  assert.equal(endpoint.app.name, app);
});

test('a new endpoint gets a generated name like tokyo-1050', async () => {
  const app = await newApp(p.alice);
  const endpoint = await create(app, pems.plain);
  assert.match(endpoint.name, /^[a-z]+-\d{4}$/);
  assert.equal(endpoint.display_name, null);
});

test('a certificate from an unknown CA is neither self-signed nor CA-signed', async () => {
  const app = await newApp(p.alice);
  const { ssl_cert } = await create(app, pems.chained);
  assert.equal(ssl_cert.subject, '/CN=leaf.example.net');
  assert.equal(ssl_cert.issuer, '/O=Private CA/CN=Private Root');
  assert.deepEqual([ssl_cert['self_signed?'], ssl_cert['ca_signed?']], [false, false]);
});

test('a chain that is not PEM is a 422 invalid_params', async () => {
  const app = await newApp(p.alice);
  const bad = {
    cert: '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n',
    key: pems.plain.key,
  };
  const error = await failure(create(app, bad));
  assert.deepEqual([error.status, error.id], [422, 'invalid_params']);
  assert.equal((await endpoints(app).list()).length, 0);
});

test('a key that does not parse is a 422 invalid_params', async () => {
  const app = await newApp(p.alice);
  const error = await failure(create(app, { cert: pems.plain.cert, key: 'not a key' }));
  assert.deepEqual([error.status, error.id], [422, 'invalid_params']);
});

test('a key that is not the certificate’s is a 422 invalid_params', async () => {
  const app = await newApp(p.alice);
  const error = await failure(create(app, { cert: pems.plain.cert, key: pems.wildcard.key }));
  assert.deepEqual([error.status, error.id], [422, 'invalid_params']);
  assert.match((error as unknown as Error).message, /does not match/);
});

test('an endpoint is found by its name', async () => {
  const app = await newApp(p.alice);
  const created = await create(app, pems.plain);
  const found = (await endpoints(app).list()) as Endpoint[];
  const info = (await p.alice.apps(app).sniEndpoints(created.name).info()) as Endpoint;
  assert.deepEqual([info.id, found.map((e) => e.id)], [created.id, [created.id]]);
});

test('an update replaces the certificate and keeps the name', async () => {
  const app = await newApp(p.alice);
  const created = await create(app, pems.plain);
  const updated = (await p.alice
    .apps(app)
    .sniEndpoints(created.id)
    .update(body(pems.wildcard))) as Endpoint;
  assert.deepEqual(updated.ssl_cert.cert_domains, ['*.wild.test']);
  assert.equal(updated.certificate_chain, pems.wildcard.cert);
  assert.deepEqual([updated.id, updated.name], [created.id, created.name]);
});

test('an update with a mismatched key is refused and changes nothing', async () => {
  const app = await newApp(p.alice);
  const created = await create(app, pems.plain);
  const mixed = { cert: pems.wildcard.cert, key: pems.plain.key };
  const error = await failure(p.alice.apps(app).sniEndpoints(created.name).update(body(mixed)));
  assert.equal(error.status, 422);
  const info = (await p.alice.apps(app).sniEndpoints(created.name).info()) as Endpoint;
  assert.equal(info.certificate_chain, pems.plain.cert);
});

test('a deleted endpoint is gone', async () => {
  const app = await newApp(p.alice);
  const created = await create(app, pems.plain);
  const deleted = (await p.alice.apps(app).sniEndpoints(created.name).delete()) as Endpoint;
  assert.equal(deleted.id, created.id);
  assert.equal((await endpoints(app).list()).length, 0);
  const error = await failure(p.alice.apps(app).sniEndpoints(created.id).info());
  assert.equal(error.status, 404);
});

test('a wildcard certificate covers one label under its domain', async () => {
  const app = await newApp(p.alice);
  const covered = await addDomain(app, 'shop.wild.test');
  await addDomain(app, 'wild.test');
  await addDomain(app, 'deep.shop.wild.test');
  const endpoint = await create(app, pems.wildcard);
  assert.deepEqual(endpoint.domains, [covered.id]);
});

test('domains added after the endpoint show up in its domains', async () => {
  const app = await newApp(p.alice);
  const endpoint = await create(app, pems.plain);
  const www = await addDomain(app, 'www.example.org');
  const info = (await p.alice.apps(app).sniEndpoints(endpoint.name).info()) as Endpoint;
  assert.deepEqual(info.domains, [www.id]);
});

test('deleting an endpoint unlinks the domains that named it', async () => {
  const app = await newApp(p.alice);
  const endpoint = await create(app, pems.plain);
  await p.alice
    .apps(app)
    .domains()
    .create({ hostname: 'example.org', sni_endpoint: endpoint.name });
  await p.alice.apps(app).sniEndpoints(endpoint.name).delete();
  const domain = (await p.alice.apps(app).domains('example.org').info()) as {
    sni_endpoint: unknown;
  };
  assert.equal(domain.sni_endpoint, null);
});

test('display_name is taken from the body and checked', async () => {
  const app = await newApp(p.alice);
  const path = `/apps/${app}/sni-endpoints`;
  const named = (await p.alice.post(path, {
    body: { ...body(pems.plain), display_name: 'main-cert' },
  })) as Endpoint;
  assert.equal(named.display_name, 'main-cert');
  const error = await failure(
    p.alice.post(path, { body: { ...body(pems.plain), display_name: 'Not Valid' } }),
  );
  assert.equal(error.status, 422);
});

test('another account cannot see an app’s endpoints', async () => {
  const app = await newApp(p.alice);
  const endpoint = await create(app, pems.plain);
  const error = await failure(p.bob.apps(app).sniEndpoints(endpoint.name).info());
  assert.equal(error.status, 404);
});
