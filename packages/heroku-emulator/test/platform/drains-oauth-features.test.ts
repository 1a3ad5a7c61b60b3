import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Heroku } from 'heroku-client';
import { ALICE, failure, newApp, type Platform, startPlatform } from './helpers.js';

type Drain = { id: string; url: string; token: string };
type Authorization = { id: string; access_token: { token: string } };
type Feature = { name: string; enabled: boolean };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

const as = (token: string) => new Heroku({ baseUrl: p.emulator.url, token, retry: false });

test('a log drain gets a d.<uuid> token', async () => {
  const app = await newApp(p.alice);
  const drain = (await p.alice
    .apps(app)
    .logDrains()
    .create({ url: 'syslog+tls://logs.example.com:6514' })) as Drain;
  assert.match(drain.token, /^d\.[0-9a-f-]{36}$/);
});

test('a drain URL is added to an app once', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).logDrains().create({ url: 'https://logs.example.com/a' });
  const error = await failure(
    p.alice.apps(app).logDrains().create({ url: 'https://logs.example.com/a' }),
  );
  assert.equal(error.status, 422);
});

test('a drain is removed by its URL', async () => {
  const app = await newApp(p.alice);
  const url = 'https://logs.example.com/b';
  await p.alice.apps(app).logDrains().create({ url });
  // The official CLI sends the URL percent-encoded in the path.
  await p.alice.delete(`/apps/${app}/log-drains/${encodeURIComponent(url)}`);
  assert.deepEqual(await p.alice.apps(app).logDrains().list(), []);
});

test("an authorization's token works as a Bearer token for its account", async () => {
  const auth = (await p.alice
    .oauth()
    .authorizations()
    .create({ description: 'ci', scope: ['global'] })) as Authorization;
  const account = (await as(auth.access_token.token).account().info()) as { email: string };
  assert.equal(account.email, ALICE.email);
});

test('deleting an authorization revokes its token', async () => {
  const auth = (await p.alice
    .oauth()
    .authorizations()
    .create({ scope: ['global'] })) as Authorization;
  await p.alice.oauth().authorizations(auth.id).delete();
  const error = await failure(as(auth.access_token.token).account().info());
  assert.equal(error.status, 401);
});

test('regenerating an authorization replaces its token', async () => {
  const auth = (await p.alice
    .oauth()
    .authorizations()
    .create({ scope: ['global'] })) as Authorization;
  const fresh = (await p.alice.oauth().authorizations(auth.id).regenerate()) as Authorization;
  assert.notEqual(fresh.access_token.token, auth.access_token.token);
  assert.equal((await failure(as(auth.access_token.token).account().info())).status, 401);
  const account = (await as(fresh.access_token.token).account().info()) as { email: string };
  assert.equal(account.email, ALICE.email);
});

test('app features are listed off and enabled per app', async () => {
  const app = await newApp(p.alice);
  const other = await newApp(p.alice);
  await p.alice.apps(app).features('preboot').update({ enabled: true });
  const on = (await p.alice.apps(app).features('preboot').info()) as Feature;
  const off = (await p.alice.apps(other).features('preboot').info()) as Feature;
  assert.deepEqual([on.enabled, off.enabled], [true, false]);
  const listed = (await p.alice.apps(other).features().list()) as Feature[];
  assert.ok(listed.length > 1 && listed.every((f) => !f.enabled));
});

test('account features are enabled per account', async () => {
  await p.alice.account().features('app-overview').update({ enabled: true });
  const mine = (await p.alice.account().features('app-overview').info()) as Feature;
  const theirs = (await p.bob.account().features('app-overview').info()) as Feature;
  assert.deepEqual([mine.enabled, theirs.enabled], [true, false]);
});
