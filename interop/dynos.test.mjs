/** The official CLI's dyno and formation commands against a fresh emulator. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertExit, assertOutput, createApp, deploySlug, startInterop } from './harness.mjs';

let interop;
before(async () => {
  interop = await startInterop();
});
after(() => interop?.stop());

/** Creates an app and deploys a slug with a `web` process, as a first deploy does. */
async function deployedApp(name) {
  await createApp(interop.api, name);
  await deploySlug(interop.api, name, { web: 'npm start' });
}

async function dynoNames(app) {
  const dynos = await interop.api.ok('GET', `/apps/${app}/dynos`);
  return dynos.map((dyno) => dyno.name).sort();
}

test('ps says so when an app has no dynos', async () => {
  await createApp(interop.api, 'idle-app');
  const result = await interop.heroku(['ps', '-a', 'idle-app']);
  assertExit(result);
  assertOutput(result, 'stdout', /^No dynos on idle-app$/m);
});

test('ps shows the web dyno a first deploy starts', async () => {
  await deployedApp('ps-app');
  const result = await interop.heroku(['ps', '-a', 'ps-app']);
  assertExit(result);
  assertOutput(result, 'stdout', /^=== web \([\w-]+\): npm start \(1\)$/m);
  assertOutput(result, 'stdout', /^web\.1: (up|starting) \d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d/m);
});

test('ps:scale web=2 runs two web dynos', async () => {
  await deployedApp('scale-app');
  const result = await interop.heroku(['ps:scale', 'web=2', '-a', 'scale-app']);
  assertExit(result);
  assertOutput(result, 'stderr', /Scaling dynos\.\.\. done, now running web at 2:[\w-]+/);
  assert.deepEqual(await dynoNames('scale-app'), ['web.1', 'web.2']);
});

test('ps:scale takes a relative quantity and a size in any letter case', async () => {
  await deployedApp('resize-app');
  const result = await interop.heroku(['ps:scale', 'web+1:standard-2x', '-a', 'resize-app']);
  assertExit(result);
  assertOutput(result, 'stderr', /now running web at 2:Standard-2X/i);
  const [web] = await interop.api.ok('GET', '/apps/resize-app/formation');
  assert.equal(web?.quantity, 2);
});

test('ps:scale refuses a process type the app does not have', async () => {
  await deployedApp('noworker-app');
  const result = await interop.heroku(['ps:scale', 'worker=1', '-a', 'noworker-app']);
  assertExit(result, 2);
  assertOutput(result, 'stderr', /Couldn't find that process type \(worker\)\./);
});

test('ps:restart restarts every dyno and keeps the formation', async () => {
  await deployedApp('restart-app');
  const result = await interop.heroku(['ps:restart', '-a', 'restart-app']);
  assertExit(result);
  assertOutput(result, 'stderr', /Restarting all dynos on restart-app\.\.\. done/);
  assert.deepEqual(await dynoNames('restart-app'), ['web.1']);
});

test('ps:restart --process-type restarts the dynos of one type', async () => {
  await deployedApp('typerestart-app');
  const args = ['ps:restart', '--process-type', 'web', '-a', 'typerestart-app'];
  const result = await interop.heroku(args);
  assertExit(result);
  assertOutput(result, 'stderr', /Restarting all web dynos on typerestart-app\.\.\. done/);
});

test('ps:stop --dyno-name stops that dyno', async () => {
  await deployedApp('stop-app');
  const result = await interop.heroku(['ps:stop', '--dyno-name', 'web.1', '-a', 'stop-app']);
  assertExit(result);
  assertOutput(result, 'stderr', /Stopping dyno web\.1 on stop-app\.\.\. done/);
});

test('ps:stop refuses a dyno the app does not have', async () => {
  await deployedApp('nostop-app');
  const result = await interop.heroku(['ps:stop', '--dyno-name', 'web.9', '-a', 'nostop-app']);
  assertExit(result, 2);
  assertOutput(result, 'stderr', /Couldn't find that dyno\./);
});
