import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BOB, newApp, type Platform, startPlatform } from './helpers.js';

type App = { name: string };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

const names = async (heroku: Platform['alice']) =>
  ((await heroku.get('/apps')) as App[]).map((a) => a.name);

test('the app list read again follows collaborations granted and taken away', async () => {
  const app = await newApp(p.alice);
  assert.ok(!(await names(p.bob)).includes(app));
  await p.alice.apps(app).collaborators().create({ user: BOB.email });
  assert.ok((await names(p.bob)).includes(app));
  await p.alice.apps(app).collaborators(BOB.email).delete();
  assert.ok(!(await names(p.bob)).includes(app));
});

test('the app list read again follows creations, renames and deletions', async () => {
  const app = await newApp(p.alice);
  assert.ok((await names(p.alice)).includes(app));
  await p.alice.apps(app).update({ name: `${app}-new` });
  const renamed = await names(p.alice);
  assert.ok(renamed.includes(`${app}-new`) && !renamed.includes(app));
  await p.alice.apps(`${app}-new`).delete();
  assert.ok(!(await names(p.alice)).includes(`${app}-new`));
});

test('the app list of one account is never answered to another', async () => {
  const mine = await newApp(p.alice);
  const theirs = await newApp(p.bob);
  const alice = await names(p.alice);
  const bob = await names(p.bob);
  assert.ok(alice.includes(mine) && !alice.includes(theirs));
  assert.ok(bob.includes(theirs) && !bob.includes(mine));
});
