import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, failure, newApp, type Platform, startPlatform } from './helpers.js';

type Addon = {
  id: string;
  name: string;
  state: string;
  config_vars: string[];
  app: { name: string };
  plan: { name: string; price?: { unit: string } };
  addon_service: { name: string; human_name?: string };
};
type Release = { version: number; description: string };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

const configOf = (app: string) =>
  p.alice.apps(app).configVars().infoForApp() as Promise<Record<string, string>>;
const latestRelease = async (app: string) => {
  const releases = (await p.alice.apps(app).releases().list()) as Release[];
  return releases.sort((a, b) => b.version - a.version)[0];
};

test('a new add-on is provisioning, then provisioned', async () => {
  const app = await newApp(p.alice);
  const addon = (await p.alice
    .apps(app)
    .addons()
    .create({ plan: 'heroku-postgresql:essential-0' })) as Addon;
  assert.equal(addon.state, 'provisioning');
  const done = await eventually(
    () => p.alice.addons(addon.id).info() as Promise<Addon>,
    (a) => a.state === 'provisioned',
  );
  assert.equal(done.name, addon.name);
});

test('add-on names are generated from the service and unique', async () => {
  const app = await newApp(p.alice);
  const one = (await p.alice.apps(app).addons().create({ plan: 'heroku-redis:mini' })) as Addon;
  const two = (await p.alice.apps(app).addons().create({ plan: 'heroku-redis:mini' })) as Addon;
  assert.match(one.name, /^redis-[a-z]+-\d{5}$/);
  assert.notEqual(one.name, two.name);
});

test('a postgres add-on sets DATABASE_URL on the app in an Attach release', async () => {
  const app = await newApp(p.alice);
  const addon = (await p.alice
    .apps(app)
    .addons()
    .create({ plan: 'heroku-postgresql:essential-0' })) as Addon;
  assert.deepEqual(addon.config_vars, ['DATABASE_URL']);
  assert.match((await configOf(app)).DATABASE_URL ?? '', /^postgres:\/\//);
  assert.equal((await latestRelease(app))?.description, `Attach DATABASE (@ref:${addon.name})`);
});

test('a second database is attached under a HEROKU_POSTGRESQL_<COLOR> name', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).addons().create({ plan: 'heroku-postgresql:essential-0' });
  const second = (await p.alice.apps(app).addons().create({ plan: 'heroku-postgresql' })) as Addon;
  assert.match(second.config_vars[0] ?? '', /^HEROKU_POSTGRESQL_[A-Z]+_URL$/);
  assert.ok((await configOf(app))[second.config_vars[0] ?? '']);
});

test('the plan may be given as an object, as the official CLI sends it', async () => {
  const app = await newApp(p.alice);
  const addon = (await p.alice.post(`/apps/${app}/addons`, {
    body: { plan: { name: 'heroku-redis:mini' }, attachment: { name: 'CACHE' } },
  })) as Addon;
  assert.deepEqual(addon.config_vars, ['CACHE_URL']);
  assert.ok((await configOf(app)).CACHE_URL);
});

test('an unknown plan is a 404', async () => {
  const app = await newApp(p.alice);
  const error = await failure(p.alice.apps(app).addons().create({ plan: 'nosuch:plan' }));
  assert.equal(error.status, 404);
});

test('an add-on name already taken elsewhere is a 422', async () => {
  const app = await newApp(p.alice);
  const other = await newApp(p.bob);
  await p.alice.apps(app).addons().create({ plan: 'heroku-redis:mini', name: 'shared-name' });
  const error = await failure(
    p.bob.apps(other).addons().create({ plan: 'heroku-redis:mini', name: 'shared-name' }),
  );
  assert.equal(error.status, 422);
});

test('Accept-Expansion returns the plan and service in full', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).addons().create({ plan: 'heroku-postgresql:essential-0' });
  const [addon] = (await p.alice.get(`/apps/${app}/addons`, {
    headers: { 'Accept-Expansion': 'addon_service,plan' },
  })) as Addon[];
  assert.equal(addon?.plan.price?.unit, 'month');
  assert.equal(addon?.addon_service.human_name, 'Heroku Postgres');
});

test('deleting an add-on removes its config vars in a release and answers deprovisioned', async () => {
  const app = await newApp(p.alice);
  const addon = (await p.alice.apps(app).addons().create({ plan: 'heroku-redis:mini' })) as Addon;
  const gone = (await p.alice.apps(app).addons(addon.name).delete()) as Addon;
  assert.equal(gone.state, 'deprovisioned');
  assert.equal((await configOf(app)).REDIS_URL, undefined);
  assert.equal((await latestRelease(app))?.description, `Detach REDIS (@ref:${addon.name})`);
  assert.deepEqual(await p.alice.apps(app).addonAttachments().listByApp(), []);
});

test('another account cannot see an add-on', async () => {
  const app = await newApp(p.alice);
  const addon = (await p.alice.apps(app).addons().create({ plan: 'heroku-redis:mini' })) as Addon;
  const error = await failure(p.bob.addons(addon.name).info());
  assert.equal(error.status, 404);
});
