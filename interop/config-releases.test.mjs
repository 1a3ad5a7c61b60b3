/** The official CLI's config var and release commands against a fresh emulator. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertExit, assertNoOutput, assertOutput, createApp, startInterop } from './harness.mjs';

let interop;
before(async () => {
  interop = await startInterop();
});
after(() => interop?.stop());

/** The app's releases as the API lists them, newest first. */
async function releases(app) {
  const list = await interop.api.ok('GET', `/apps/${app}/releases`);
  return [...list].sort((a, b) => b.version - a.version);
}

/** The newest release's version; a set-up step that should have made one checks it here. */
async function newestVersion(app) {
  const version = (await releases(app))[0]?.version;
  assert.equal(typeof version, 'number', `set-up: ${app} has no releases to work with`);
  return version;
}

test("config lists the app's config vars", async () => {
  await createApp(interop.api, 'cfg-app');
  await interop.api.ok('PATCH', '/apps/cfg-app/config-vars', { FOO: 'bar', BAZ: 'qux' });
  const result = await interop.heroku(['config', '-a', 'cfg-app']);
  assertExit(result);
  assertOutput(result, 'stdout', /^=== cfg-app Config Vars$/m);
  assertOutput(result, 'stdout', /^FOO:\s+bar$/m);
  assertOutput(result, 'stdout', /^BAZ:\s+qux$/m);
});

test('config:set sets a var, reports the release it made, and config shows it', async () => {
  await createApp(interop.api, 'set-app');
  const set = await interop.heroku(['config:set', 'FOO=bar', '-a', 'set-app']);
  assertExit(set);
  const [, version] = assertOutput(
    set,
    'stderr',
    /Setting FOO and restarting set-app\.\.\. done, v(\d+)/,
  );
  assertOutput(set, 'stdout', /^FOO:\s+bar$/m);
  assert.equal((await releases('set-app'))[0]?.version, Number(version));

  const shown = await interop.heroku(['config', '-a', 'set-app']);
  assertExit(shown);
  assertOutput(shown, 'stdout', /^FOO:\s+bar$/m);
});

test('config:unset removes only the named var and makes a release', async () => {
  await createApp(interop.api, 'unset-app');
  await interop.api.ok('PATCH', '/apps/unset-app/config-vars', { FOO: 'bar', KEEP: 'me' });
  const before = await newestVersion('unset-app');
  const result = await interop.heroku(['config:unset', 'FOO', '-a', 'unset-app']);
  assertExit(result);
  const [, version] = assertOutput(
    result,
    'stderr',
    /Unsetting FOO and restarting unset-app\.\.\. done, v(\d+)/,
  );
  assert.equal(Number(version), before + 1);
  assert.deepEqual(await interop.api.ok('GET', '/apps/unset-app/config-vars'), { KEEP: 'me' });
});

test('releases lists the releases newest first and names the current one', async () => {
  await createApp(interop.api, 'rel-app');
  await interop.api.ok('PATCH', '/apps/rel-app/config-vars', { FOO: 'bar' });
  const newest = await newestVersion('rel-app');
  const result = await interop.heroku(['releases', '-a', 'rel-app']);
  assertExit(result);
  assertOutput(result, 'stdout', new RegExp(`^=== rel-app Releases - Current: v${newest}$`, 'm'));
  // The first row of the table is the config change, made by the account.
  const rows = result.stdout.split('\n').filter((line) => /^\s*v\d+\s/.test(line));
  assert.match(
    rows[0] ?? '',
    new RegExp(`^\\s*v${newest}\\s+Set FOO config vars\\s+user@example\\.com`),
  );
  assertOutput(result, 'stdout', /^\s*v1\s+Initial release\s/m);
  assertNoOutput(result, 'stdout', /has no releases/);
});

test("releases:rollback makes a new release with the target's config", async () => {
  await createApp(interop.api, 'rb-app');
  await interop.api.ok('PATCH', '/apps/rb-app/config-vars', { FOO: 'one' });
  const target = await newestVersion('rb-app');
  await interop.api.ok('PATCH', '/apps/rb-app/config-vars', { FOO: 'two' });

  const result = await interop.heroku(['releases:rollback', `v${target}`, '-a', 'rb-app']);
  assertExit(result);
  const [, made] = assertOutput(
    result,
    'stderr',
    new RegExp(`Rolling back rb-app to v${target}\\.\\.\\. done, v(\\d+)`),
  );
  assert.equal(Number(made), target + 2);
  assert.deepEqual(await interop.api.ok('GET', '/apps/rb-app/config-vars'), { FOO: 'one' });
  const [newest] = await releases('rb-app');
  assert.equal(newest?.description, `Rollback to v${target}`);
  assert.equal(newest?.current, true);
});
