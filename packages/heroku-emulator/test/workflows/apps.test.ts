import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor, failure, type Workbench, workbench } from './helpers.js';

let bench: Workbench;
before(async () => {
  bench = await workbench({
    accounts: [
      { email: 'owner@example.com', token: 'token-owner' },
      { email: 'other@example.com', token: 'token-other' },
    ],
  });
});
after(() => bench.close());

test('an uppercase app name is refused with 422 and the letter rule', async () => {
  const error = await failure(bench.heroku.post('/apps', { body: { name: 'MyApp' } }));
  assert.equal(error.status, 422);
  assert.equal(error.id, 'invalid_params');
  assert.match(error.message, /lowercase letters, digits, and dashes/);
});

test('an app name shorter than 3 characters is refused with 422', async () => {
  const error = await failure(bench.heroku.post('/apps', { body: { name: 'ab' } }));
  assert.equal(error.status, 422);
  assert.match(error.message, /between 3 and 30 characters/);
});

test('app names are unique across accounts: "Name is already taken"', async () => {
  await bench.heroku.apps().create({ name: 'taken-name' });
  const other = clientFor(bench.emulator, 'token-other');
  const error = await failure(other.apps().create({ name: 'taken-name' }));
  await other.close();
  assert.equal(error.status, 422);
  assert.equal(error.message, 'Name is already taken');
});

test('an app created without a name gets an adjective-noun-digits name', async () => {
  const app = await bench.heroku.apps().create({});
  assert.match(app.name, /^[a-z]+-[a-z]+-\d+$/);
});

test('web_url and git_url follow the app name', async () => {
  const app = await bench.heroku.apps().create({ name: 'url-app' });
  assert.match(String(app.web_url), /^https:\/\/url-app-[0-9a-f]{12}\.herokuapp\.com\/$/);
  assert.equal(app.git_url, 'https://git.heroku.com/url-app.git');
});

test('a new app defaults to region us, the default stack, and the caller as owner', async () => {
  const app = await bench.heroku.apps().create({ name: 'default-app' });
  assert.equal(app.region.name, 'us');
  assert.equal(app.stack.name, 'heroku-24');
  assert.equal(app.build_stack.name, 'heroku-24');
  assert.equal(app.owner.email, 'owner@example.com');
});

test('region and stack are resolved from the catalog by name', async () => {
  const app = await bench.heroku
    .apps()
    .create({ name: 'eu-app', region: 'eu', stack: 'heroku-22' });
  assert.equal(app.region.name, 'eu');
  assert.equal(app.stack.name, 'heroku-22');
});

test('an unknown region answers 404 naming the region', async () => {
  const error = await failure(bench.heroku.apps().create({ name: 'nowhere-app', region: 'mars' }));
  assert.equal(error.status, 404);
  assert.equal((error.body as { resource?: string }).resource, 'region');
});

test('a new app starts with v1 "Initial release" and v2 "Enable Logplex"', async () => {
  await bench.heroku.apps().create({ name: 'fresh-app' });
  const releases = await bench.heroku.apps('fresh-app').releases().list();
  assert.deepEqual(
    releases
      .sort((a, b) => a.version - b.version)
      .map((r) => [r.version, r.description, r.current]),
    [
      [1, 'Initial release', false],
      [2, 'Enable Logplex', true],
    ],
  );
});

test('rename frees the old name and moves git_url and web_url', async () => {
  await bench.heroku.apps().create({ name: 'old-name' });
  const renamed = await bench.heroku.apps('old-name').update({ name: 'new-name' });
  assert.equal(renamed.git_url, 'https://git.heroku.com/new-name.git');
  assert.match(String(renamed.web_url), /^https:\/\/new-name-[0-9a-f]{12}\.herokuapp\.com\/$/);
  const again = await bench.heroku.apps().create({ name: 'old-name' });
  assert.equal(again.name, 'old-name');
});

test('renaming onto a taken name answers 422', async () => {
  await bench.heroku.apps().create({ name: 'rename-a' });
  await bench.heroku.apps().create({ name: 'rename-b' });
  const error = await failure(bench.heroku.apps('rename-a').update({ name: 'rename-b' }));
  assert.equal(error.status, 422);
  assert.equal(error.message, 'Name is already taken');
});

test('maintenance mode is switched by PATCH', async () => {
  await bench.heroku.apps().create({ name: 'maint-app' });
  const on = await bench.heroku.apps('maint-app').update({ maintenance: true });
  assert.equal(on.maintenance, true);
  const info = await bench.heroku.apps('maint-app').info();
  assert.equal(info.maintenance, true);
});

test('deleting an app removes what hangs off it, so a new app of that name starts over', async () => {
  await bench.heroku.apps().create({ name: 'doomed-app' });
  await bench.heroku.apps('doomed-app').configVars().update({ SECRET: 'x' });
  const deleted = await bench.heroku.apps('doomed-app').delete();
  assert.equal(deleted.name, 'doomed-app');
  assert.equal(bench.emulator.store.find('release', { parents: { app: deleted.id } }).length, 0);

  await bench.heroku.apps().create({ name: 'doomed-app' });
  assert.deepEqual(await bench.heroku.apps('doomed-app').configVars().infoForApp(), {});
});

test('GET /users/~/apps lists the caller’s apps and not other accounts’', async () => {
  const other = clientFor(bench.emulator, 'token-other');
  await other.apps().create({ name: 'others-app' });
  const mine = await bench.heroku.users('~').apps().listOwnedAndCollaborated();
  const theirs = await other.users('~').apps().listOwnedAndCollaborated();
  await other.close();
  assert.ok(mine.every((app) => app.owner.email === 'owner@example.com'));
  assert.deepEqual(
    theirs.map((app) => app.name),
    ['others-app'],
  );
});

test('POST /filters/apps answers the visible apps with the given ids', async () => {
  const app = await bench.heroku.apps().create({ name: 'filtered-app' });
  const found = (await bench.heroku.filters().apps({ in: { id: [app.id] } })) as { name: string }[];
  assert.deepEqual(
    found.map((a) => a.name),
    ['filtered-app'],
  );
});
