import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deploy, failure, type Workbench, workbench } from './helpers.js';

let bench: Workbench;
before(async () => {
  bench = await workbench();
});
after(() => bench.close());

async function app(name: string): Promise<string> {
  await bench.heroku.apps().create({ name });
  return name;
}

test('versions count up per app, and only the newest release is current', async () => {
  const name = await app('count-app');
  await bench.heroku.apps(name).configVars().update({ A: '1' });
  await bench.heroku.apps(name).configVars().update({ A: '2' });
  const releases = await bench.heroku.apps(name).releases().list({ range: 'version ..' });
  assert.deepEqual(
    releases.map((r) => [r.version, r.current]),
    [
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ],
  );
});

test('Range by version with order=desc and max answers the newest first', async () => {
  const name = await app('desc-app');
  await bench.heroku.apps(name).configVars().update({ A: '1' });
  const page = await bench.heroku
    .apps(name)
    .releases()
    .list({ range: 'version ..; max=2, order=desc', partial: true });
  assert.deepEqual(
    page.map((r) => r.version),
    [3, 2],
  );
});

test('a release is found by version and by id', async () => {
  const name = await app('lookup-app');
  const byVersion = await bench.heroku.apps(name).releases(2).info();
  const byId = await bench.heroku.apps(name).releases(byVersion.id).info();
  assert.equal(byId.description, 'Enable Logplex');
});

test('releasing a slug records it, with status succeeded and the caller as user', async () => {
  const name = await app('slug-release-app');
  const release = await deploy(bench.heroku, name, { web: 'node server.js' });
  assert.equal(release.version, 3);
  assert.equal(release.status, 'succeeded');
  assert.ok(release.slug?.id);
  assert.equal(release.user.email, 'user@example.com');
});

test('releasing a slug that does not exist answers 404', async () => {
  const name = await app('no-slug-app');
  const error = await failure(
    bench.heroku.apps(name).releases().create({ slug: '01234567-89ab-cdef-0123-456789abcdef' }),
  );
  assert.equal(error.status, 404);
});

test('rollback makes a new release "Rollback to vN" with vN’s slug and config', async () => {
  const name = await app('rollback-app');
  const first = await deploy(bench.heroku, name, { web: 'node v1.js' });
  await bench.heroku.apps(name).configVars().update({ MODE: 'old' });
  await deploy(bench.heroku, name, { web: 'node v2.js' });
  await bench.heroku.apps(name).configVars().update({ MODE: 'new' });

  const rollback = await bench.heroku.apps(name).releases().rollback({ release: '4' });
  assert.equal(rollback.version, 7);
  assert.equal(rollback.description, 'Rollback to v4');
  assert.equal(rollback.slug?.id, first.slug?.id);
  assert.deepEqual(await bench.heroku.apps(name).configVars().infoForApp(), { MODE: 'old' });
});

test('rollback accepts the target release by id', async () => {
  const name = await app('rollback-id-app');
  const target = await bench.heroku.apps(name).releases(1).info();
  const rollback = await bench.heroku.apps(name).releases().rollback({ release: target.id });
  assert.equal(rollback.description, 'Rollback to v1');
});

test('rollback to an unknown release answers 404', async () => {
  const name = await app('rollback-missing-app');
  const error = await failure(bench.heroku.apps(name).releases().rollback({ release: '99' }));
  assert.equal(error.status, 404);
});

test('creating a release without a slug answers 422', async () => {
  const name = await app('no-body-release-app');
  const error = await failure(bench.heroku.apps(name).releases().create({}));
  assert.equal(error.status, 422);
});
