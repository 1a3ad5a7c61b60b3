import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, failure, newApp, type Platform, startPlatform } from './helpers.js';

type Domain = { id: string; hostname: string; kind: string; cname: string | null; status: string };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

const domainsOf = (app: string) => p.alice.apps(app).domains().list() as Promise<Domain[]>;

test('every app has its default domain of kind heroku on its web_url host', async () => {
  const app = await newApp(p.alice);
  const info = (await p.alice.apps(app).info()) as { web_url: string };
  const domains = await domainsOf(app);
  assert.deepEqual(
    domains.map((d) => [d.kind, d.hostname]),
    [['heroku', new URL(info.web_url).hostname]],
  );
});

test('the default domain follows a rename', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).domains().create({ hostname: 'renamed.example.com', sni_endpoint: null });
  const renamed = `${app}-r`;
  const info = (await p.alice.apps(app).update({ name: renamed })) as { web_url: string };
  const heroku = (await domainsOf(renamed)).find((d) => d.kind === 'heroku');
  assert.equal(heroku?.hostname, new URL(info.web_url).hostname);
});

test('a custom domain gets a herokudns.com DNS target and starts pending', async () => {
  const app = await newApp(p.alice);
  const domain = (await p.alice
    .apps(app)
    .domains()
    .create({ hostname: 'www.example.com', sni_endpoint: null })) as Domain;
  assert.equal(domain.kind, 'custom');
  assert.match(domain.cname ?? '', /^[a-z]+-[a-z]+-[0-9a-f]{16}\.herokudns\.com$/);
  assert.equal(domain.status, 'pending');
});

test('a custom domain turns succeeded', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).domains().create({ hostname: 'api.example.org', sni_endpoint: null });
  const done = await eventually(
    () => p.alice.apps(app).domains('api.example.org').info() as Promise<Domain>,
    (d) => d.status === 'succeeded',
  );
  assert.equal(done.hostname, 'api.example.org');
});

test('a hostname in use by any app is a 422', async () => {
  const app = await newApp(p.alice);
  const other = await newApp(p.bob);
  await p.alice.apps(app).domains().create({ hostname: 'taken.example.com', sni_endpoint: null });
  const error = await failure(
    p.bob.apps(other).domains().create({ hostname: 'taken.example.com', sni_endpoint: null }),
  );
  assert.equal(error.status, 422);
});

test('an invalid hostname is a 422', async () => {
  const app = await newApp(p.alice);
  const error = await failure(
    p.alice.apps(app).domains().create({ hostname: 'not a host', sni_endpoint: null }),
  );
  assert.equal(error.status, 422);
});

test('a custom domain is deleted by hostname', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).domains().create({ hostname: 'gone.example.com', sni_endpoint: null });
  await p.alice.apps(app).domains('gone.example.com').delete();
  assert.deepEqual(
    (await domainsOf(app)).map((d) => d.kind),
    ['heroku'],
  );
});

test('the default domain cannot be deleted', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).domains().create({ hostname: 'shop.example.com', sni_endpoint: null });
  const domain = (await domainsOf(app)).find((d) => d.kind === 'heroku');
  const error = await failure(
    p.alice
      .apps(app)
      .domains(domain?.id ?? '')
      .delete(),
  );
  assert.equal(error.status, 422);
});
