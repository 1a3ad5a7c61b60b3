/** The official CLI's domain and add-on commands against a fresh emulator. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertExit, assertOutput, createApp, startInterop } from './harness.mjs';

const PLAN = 'heroku-postgresql:essential-0';

let interop;
before(async () => {
  interop = await startInterop();
});
after(() => interop?.stop());

test("domains shows the app's default herokuapp.com domain", async () => {
  await createApp(interop.api, 'dom-app');
  const result = await interop.heroku(['domains', '-a', 'dom-app']);
  assertExit(result);
  assertOutput(result, 'stdout', /^=== dom-app Heroku Domain$/m);
  assertOutput(result, 'stdout', /^dom-app(-[0-9a-f]+)?\.herokuapp\.com$/m);
});

test('domains:add adds a custom domain with a DNS target that domains then lists', async () => {
  await createApp(interop.api, 'custom-app');
  const add = await interop.heroku(['domains:add', 'www.example.com', '-a', 'custom-app']);
  assertExit(add);
  const [, target = ''] = assertOutput(
    add,
    'stdout',
    /point to the DNS Target (\S+\.herokudns\.com)\./,
  );

  const list = await interop.heroku(['domains', '-a', 'custom-app']);
  assertExit(list);
  assertOutput(list, 'stdout', /^=== custom-app Custom Domains$/m);
  assertOutput(
    list,
    'stdout',
    new RegExp(`www\\.example\\.com\\s+CNAME\\s+${target.replace(/\./g, '\\.')}`),
  );
});

test('addons says so when the app has none', async () => {
  await createApp(interop.api, 'bare-app');
  const result = await interop.heroku(['addons', '-a', 'bare-app']);
  assertExit(result);
  assertOutput(result, 'stdout', /No add-ons for app bare-app\./);
});

test("addons lists the app's add-ons with service, plan and state", async () => {
  await createApp(interop.api, 'listed-app');
  const addon = await interop.api.ok('POST', '/apps/listed-app/addons', { plan: PLAN });
  const result = await interop.heroku(['addons', '-a', 'listed-app']);
  assertExit(result);
  assertOutput(result, 'stdout', new RegExp(`heroku-postgresql \\(${addon.name}\\)`));
  assertOutput(result, 'stdout', /essential-0/);
  assertOutput(result, 'stdout', /\b(created|creating)\b/);
  assertOutput(result, 'stdout', /as DATABASE\b/);
});

test('addons:create provisions an add-on and sets its config var on the app', async () => {
  await createApp(interop.api, 'db-app');
  const result = await interop.heroku(['addons:create', PLAN, '-a', 'db-app']);
  assertExit(result);
  assertOutput(result, 'stderr', /Creating heroku-postgresql:essential-0 on db-app\.\.\./);
  // Provisioning may finish at once or in the background; both are Heroku behaviours.
  const match = assertOutput(
    result,
    'stdout',
    /Created (\S+) as DATABASE_URL|(\S+) is being created in the background/,
  );
  const name = match[1] ?? match[2];
  const [addon] = await interop.api.ok('GET', '/apps/db-app/addons');
  assert.equal(addon?.name, name);
  assert.equal(addon?.plan?.name, PLAN);
});

test('addons:destroy removes the add-on and its config var', async () => {
  await createApp(interop.api, 'undb-app');
  const addon = await interop.api.ok('POST', '/apps/undb-app/addons', { plan: PLAN });
  const args = ['addons:destroy', addon.name, '-a', 'undb-app', '--confirm', 'undb-app'];
  const result = await interop.heroku(args);
  assertExit(result);
  assertOutput(result, 'stderr', new RegExp(`Destroying ${addon.name} on undb-app\\.\\.\\. done`));
  assert.deepEqual(await interop.api.ok('GET', '/apps/undb-app/addons'), []);
  const config = await interop.api.ok('GET', '/apps/undb-app/config-vars');
  assert.equal(config.DATABASE_URL, undefined);
});
