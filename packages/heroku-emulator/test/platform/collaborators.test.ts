import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ALICE, BOB, failure, newApp, type Platform, startPlatform } from './helpers.js';

type Collaborator = { id: string; role: string; user: { email: string } };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

test('a collaborator sees the app and finds it among their apps', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).collaborators().create({ user: BOB.email });
  const seen = (await p.bob.apps(app).info()) as { name: string };
  assert.equal(seen.name, app);
  const mine = (await p.bob.get('/users/~/apps')) as { name: string }[];
  assert.ok(mine.some((a) => a.name === app));
});

test('the list shows the owner with role owner next to the collaborators', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).collaborators().create({ user: BOB.email });
  const list = (await p.alice.apps(app).collaborators().list()) as Collaborator[];
  assert.deepEqual(list.map((c) => [c.user.email, c.role]).sort(), [
    [ALICE.email, 'owner'],
    [BOB.email, 'collaborator'],
  ]);
});

test('a collaborator is found by email', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).collaborators().create({ user: BOB.email });
  const found = (await p.alice.apps(app).collaborators(BOB.email).info()) as Collaborator;
  assert.equal(found.user.email, BOB.email);
});

test('deleting a collaborator takes the access away', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).collaborators().create({ user: BOB.email });
  await p.alice.apps(app).collaborators(BOB.email).delete();
  const error = await failure(p.bob.apps(app).info());
  assert.equal(error.status, 404);
});

test('adding the same collaborator twice is a 422', async () => {
  const app = await newApp(p.alice);
  await p.alice.apps(app).collaborators().create({ user: BOB.email });
  const error = await failure(p.alice.apps(app).collaborators().create({ user: BOB.email }));
  assert.equal(error.status, 422);
});

test('adding the owner as a collaborator is a 422', async () => {
  const app = await newApp(p.alice);
  const error = await failure(p.alice.apps(app).collaborators().create({ user: ALICE.email }));
  assert.equal(error.status, 422);
});

test('an unknown user is a 404', async () => {
  const app = await newApp(p.alice);
  const error = await failure(
    p.alice.apps(app).collaborators().create({ user: 'nobody@example.com' }),
  );
  assert.equal(error.status, 404);
});
