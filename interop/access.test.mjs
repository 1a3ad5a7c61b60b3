/** The official CLI's collaborator commands against an emulator with two accounts. */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { assertExit, assertOutput, createApp, startInterop } from './harness.mjs';

const OTHER = { email: 'other@example.com', token: randomUUID() };

let interop;
before(async () => {
  interop = await startInterop({
    accounts: [{ email: 'user@example.com', token: randomUUID() }, OTHER],
  });
});
after(() => interop?.stop());

test("access lists the app's owner", async () => {
  await createApp(interop.api, 'owned-app');
  const result = await interop.heroku(['access', '-a', 'owned-app']);
  assertExit(result);
  assertOutput(result, 'stdout', /^\s*user@example\.com\s+owner\s*$/m);
});

test('access:add gives another account access to the app', async () => {
  await createApp(interop.api, 'shared-app');
  assert.equal((await interop.api('GET', '/apps/shared-app', undefined, OTHER.token)).status, 404);

  const add = await interop.heroku(['access:add', OTHER.email, '-a', 'shared-app']);
  assertExit(add);
  assertOutput(add, 'stderr', /Adding other@example\.com access to the app shared-app\.\.\. done/);
  assert.equal((await interop.api('GET', '/apps/shared-app', undefined, OTHER.token)).status, 200);

  const list = await interop.heroku(['access', '-a', 'shared-app']);
  assertExit(list);
  assertOutput(list, 'stdout', /^\s*other@example\.com\s+collaborator\s*$/m);
  assertOutput(list, 'stdout', /^\s*user@example\.com\s+owner\s*$/m);
});
