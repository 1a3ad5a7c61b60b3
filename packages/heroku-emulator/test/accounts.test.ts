import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../src/index.js';
import { call, createApp, start } from './helpers.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await start({
    accounts: [
      { email: 'alice@example.com', token: 'token-alice' },
      { email: 'bob@example.com', token: 'token-bob' },
    ],
  });
  await createApp(emulator, 'alice-app', 'token-alice');
});
after(() => emulator.stop());

test('each token is its own account', async () => {
  const alice = await call(emulator, 'GET', '/account', { token: 'token-alice' });
  const bob = await call(emulator, 'GET', '/account', { token: 'token-bob' });
  assert.equal((alice.json as { email: string }).email, 'alice@example.com');
  assert.equal((bob.json as { email: string }).email, 'bob@example.com');
});

test("another account's app answers exactly like an unknown app", async () => {
  const hidden = await call(emulator, 'GET', '/apps/alice-app', { token: 'token-bob' });
  const unknown = await call(emulator, 'GET', '/apps/nobody-app', { token: 'token-bob' });
  assert.equal(hidden.status, 404);
  assert.deepEqual(hidden.json, unknown.json);
});

test("another account's apps are not listed", async () => {
  const reply = await call(emulator, 'GET', '/apps', { token: 'token-bob' });
  assert.deepEqual(reply.json, []);
});

test('another account cannot reach what hangs off an app it cannot see', async () => {
  const reply = await call(emulator, 'GET', '/apps/alice-app/config-vars', { token: 'token-bob' });
  assert.equal(reply.status, 404);
});

test('the owner of an app is the account that created it', async () => {
  const app = await call(emulator, 'GET', '/apps/alice-app', { token: 'token-alice' });
  assert.equal((app.json as { owner: { email: string } }).owner.email, 'alice@example.com');
});

test('a collaborator sees the app', async () => {
  const added = await call(emulator, 'POST', '/apps/alice-app/collaborators', {
    token: 'token-alice',
    body: { user: 'bob@example.com' },
  });
  assert.equal(added.status, 201);
  const reply = await call(emulator, 'GET', '/apps/alice-app', { token: 'token-bob' });
  assert.equal(reply.status, 200);
  const listed = await call(emulator, 'GET', '/users/~/apps', { token: 'token-bob' });
  assert.deepEqual(
    (listed.json as { name: string }[]).map((a) => a.name),
    ['alice-app'],
  );
});

test('app names are unique across accounts', async () => {
  const reply = await call(emulator, 'POST', '/apps', {
    token: 'token-bob',
    body: { name: 'alice-app' },
  });
  assert.equal(reply.status, 422);
  assert.equal((reply.json as { id: string }).id, 'invalid_params');
});
