import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failure, newApp, type Platform, startPlatform } from './helpers.js';

type Addon = { id: string; name: string };
type Attachment = { id: string; name: string };

let p: Platform;
let app: string;
let other: string;
let db: Addon;
let redis: Addon;
before(async () => {
  p = await startPlatform();
  app = await newApp(p.alice);
  other = await newApp(p.alice);
  db = (await p.alice.apps(app).addons().create({ plan: 'heroku-postgresql' })) as Addon;
  redis = (await p.alice.apps(other).addons().create({ plan: 'heroku-redis' })) as Addon;
  // Both apps now have an attachment called CACHE.
  await p.alice.addonAttachments().create({ addon: db.id, app, name: 'CACHE' });
  await p.alice.addonAttachments().create({ addon: redis.id, app: other, name: 'CACHE' });
});
after(() => p.stop());

const resolveAddon = (body: Record<string, string>) =>
  p.alice.post('/actions/addons/resolve', { body }) as Promise<Addon[]>;

test('an add-on resolves by its global name', async () => {
  assert.deepEqual(
    (await resolveAddon({ addon: db.name })).map((a) => a.id),
    [db.id],
  );
});

test('an add-on resolves by its id', async () => {
  assert.deepEqual(
    (await resolveAddon({ addon: redis.id })).map((a) => a.name),
    [redis.name],
  );
});

test('an add-on resolves by attachment name within an app', async () => {
  const found = await resolveAddon({ addon: 'CACHE', app: other });
  assert.deepEqual(
    found.map((a) => a.id),
    [redis.id],
  );
});

test('an attachment name on several apps is ambiguous without an app: 422 multiple_matches', async () => {
  const error = await failure(resolveAddon({ addon: 'CACHE' }));
  assert.equal(error.status, 422);
  assert.equal(error.id, 'multiple_matches');
});

test('an add-on that matches nothing is a 404', async () => {
  const error = await failure(resolveAddon({ addon: 'no-such-addon' }));
  assert.equal(error.status, 404);
});

test('another account cannot resolve the add-on', async () => {
  const error = await failure(p.bob.post('/actions/addons/resolve', { body: { addon: db.name } }));
  assert.equal(error.status, 404);
});

test('an attachment resolves by name on an app', async () => {
  const found = (await p.alice.post('/actions/addon-attachments/resolve', {
    body: { addon_attachment: 'DATABASE', app },
  })) as Attachment[];
  assert.deepEqual(
    found.map((a) => a.name),
    ['DATABASE'],
  );
});

test('an add-on name with several attachments on the app is ambiguous', async () => {
  const error = await failure(
    p.alice.post('/actions/addon-attachments/resolve', {
      body: { addon_attachment: redis.name, app: other },
    }),
  );
  assert.equal(error.id, 'multiple_matches');
});

test('an attachment resolves by its add-on name when that is its only attachment there', async () => {
  const third = await newApp(p.alice);
  const addon = (await p.alice.apps(third).addons().create({ plan: 'papertrail' })) as Addon;
  const found = (await p.alice.post('/actions/addon-attachments/resolve', {
    body: { addon_attachment: addon.name, app: third },
  })) as Attachment[];
  assert.deepEqual(
    found.map((a) => a.name),
    ['PAPERTRAIL'],
  );
});
