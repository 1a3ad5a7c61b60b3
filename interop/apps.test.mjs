/** The official CLI's app commands against a fresh emulator. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertExit, assertNoOutput, assertOutput, createApp, startInterop } from './harness.mjs';

const APP_NAME = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

let interop;
before(async () => {
  interop = await startInterop();
});
after(() => interop?.stop());

const webUrl = (app) => new RegExp(`https://${app}(-[0-9a-f]+)?\\.herokuapp\\.com/`);

test('apps says so when the account has no apps', async () => {
  const result = await interop.heroku(['apps']);
  assertExit(result);
  assertOutput(result, 'stdout', /^You have no apps\.$/m);
});

test("apps lists the account's own apps under its email", async () => {
  await createApp(interop.api, 'listed-one');
  await createApp(interop.api, 'listed-two');
  const result = await interop.heroku(['apps']);
  assertExit(result);
  assertOutput(result, 'stdout', /^=== user@example\.com Apps$/m);
  assertOutput(result, 'stdout', /^listed-one$/m);
  assertOutput(result, 'stdout', /^listed-two$/m);
  assertNoOutput(result, 'stdout', /Collaborated/);
});

test('apps:create with a name prints the web URL and the git URL', async () => {
  const result = await interop.heroku(['apps:create', 'demo-app']);
  assertExit(result);
  assertOutput(result, 'stderr', /Creating demo-app\.\.\. done/);
  const gitRemote = /https:\/\/127\.0\.0\.1:\d+\/demo-app\.git/.source;
  const line = new RegExp(`^(${webUrl('demo-app').source}) \\| ${gitRemote}$`, 'm');
  const [, printed] = assertOutput(result, 'stdout', line);

  const app = await interop.api.ok('GET', '/apps/demo-app');
  assert.equal(app.web_url, printed);
  assert.equal(app.git_url, 'https://git.heroku.com/demo-app.git');
});

test('apps:create without a name gets a generated name', async () => {
  const result = await interop.heroku(['apps:create']);
  assertExit(result);
  const [, name = ''] = assertOutput(result, 'stderr', /Creating app\.\.\. done, (\S+)/);
  assert.match(name, APP_NAME);
  assertOutput(result, 'stdout', webUrl(name));
  await interop.api.ok('GET', `/apps/${name}`);
});

test('apps:create refuses a name that is already taken', async () => {
  await createApp(interop.api, 'taken-app');
  const result = await interop.heroku(['apps:create', 'taken-app']);
  assertExit(result, 2);
  assertOutput(result, 'stderr', /is already taken/);
  assertOutput(result, 'stderr', /Error ID: invalid_params/);
});

test('apps:info shows owner, region, stack and URLs, and nothing a new app lacks', async () => {
  await createApp(interop.api, 'info-app');
  const result = await interop.heroku(['apps:info', '-a', 'info-app']);
  assertExit(result);
  assertOutput(result, 'stdout', /^=== info-app$/m);
  assertOutput(result, 'stdout', /^Owner:\s+user@example\.com$/m);
  assertOutput(result, 'stdout', /^Region:\s+us$/m);
  assertOutput(result, 'stdout', /^Stack:\s+heroku-\d+$/m);
  assertOutput(result, 'stdout', /^Git URL:\s+https:\/\/git\.heroku\.com\/info-app\.git$/m);
  assertOutput(result, 'stdout', new RegExp(`^Web URL:\\s+${webUrl('info-app').source}$`, 'm'));
  // A new personal app is not archived, in no private space and in no pipeline.
  assertNoOutput(result, 'stdout', /^(Archived At|Space|Pipeline):/m);
});

test('apps:rename moves the app to its new name', async () => {
  await createApp(interop.api, 'old-name');
  const result = await interop.heroku(['apps:rename', 'new-name', '-a', 'old-name']);
  assertExit(result);
  assertOutput(result, 'stderr', /Renaming old-name to new-name\.\.\. done/);
  assertOutput(result, 'stdout', webUrl('new-name'));
  assertOutput(result, 'stdout', /https:\/\/127\.0\.0\.1:\d+\/new-name\.git/);

  assert.equal((await interop.api('GET', '/apps/old-name')).status, 404);
  const app = await interop.api.ok('GET', '/apps/new-name');
  assert.equal(app.git_url, 'https://git.heroku.com/new-name.git');
});

test('apps:destroy deletes the app', async () => {
  await createApp(interop.api, 'doomed-app');
  const result = await interop.heroku(['apps:destroy', 'doomed-app', '--confirm', 'doomed-app']);
  assertExit(result);
  assertOutput(result, 'stderr', /Destroying doomed-app \(including all add-ons\)\.\.\. done/);
  assert.equal((await interop.api('GET', '/apps/doomed-app')).status, 404);
});

test('maintenance:on turns maintenance mode on and maintenance reports it', async () => {
  await createApp(interop.api, 'maint-app');
  const on = await interop.heroku(['maintenance:on', '-a', 'maint-app']);
  assertExit(on);
  assertOutput(on, 'stderr', /Enabling maintenance mode for maint-app\.\.\. done/);
  assert.equal((await interop.api.ok('GET', '/apps/maint-app')).maintenance, true);

  const status = await interop.heroku(['maintenance', '-a', 'maint-app']);
  assertExit(status);
  assertOutput(status, 'stdout', /^on$/m);
});

test('maintenance:off turns maintenance mode off', async () => {
  await createApp(interop.api, 'unmaint-app');
  await interop.api.ok('PATCH', '/apps/unmaint-app', { maintenance: true });
  const off = await interop.heroku(['maintenance:off', '-a', 'unmaint-app']);
  assertExit(off);
  assertOutput(off, 'stderr', /Disabling maintenance mode for unmaint-app\.\.\. done/);
  assert.equal((await interop.api.ok('GET', '/apps/unmaint-app')).maintenance, false);
});
