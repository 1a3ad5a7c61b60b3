import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { failure, newApp, type Platform, startPlatform } from './helpers.js';

type Addon = { id: string; name: string };
type Attachment = { id: string; name: string; app: { name: string }; addon: { name: string } };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

const configOf = (app: string) =>
  p.alice.apps(app).configVars().infoForApp() as Promise<Record<string, string>>;

async function postgresOn(app: string): Promise<Addon> {
  return (await p.alice
    .apps(app)
    .addons()
    .create({ plan: 'heroku-postgresql:essential-0' })) as Addon;
}

test('an add-on is created with its attachment', async () => {
  const app = await newApp(p.alice);
  const addon = await postgresOn(app);
  const attachments = (await p.alice
    .addons(addon.id)
    .addonAttachments()
    .listByAddOn()) as Attachment[];
  assert.deepEqual(
    attachments.map((a) => [a.name, a.app.name, a.addon.name]),
    [['DATABASE', app, addon.name]],
  );
});

test('attaching to another app shares the config value under the new name', async () => {
  const app = await newApp(p.alice);
  const other = await newApp(p.alice);
  const addon = await postgresOn(app);
  const attachment = (await p.alice
    .addonAttachments()
    .create({ addon: addon.name, app: other, name: 'SHARED' })) as Attachment;
  assert.equal(attachment.name, 'SHARED');
  assert.equal((await configOf(other)).SHARED_URL, (await configOf(app)).DATABASE_URL);
});

test('an attachment is found on its app by name', async () => {
  const app = await newApp(p.alice);
  await postgresOn(app);
  const found = (await p.alice.apps(app).addonAttachments('DATABASE').infoByApp()) as Attachment;
  assert.equal(found.name, 'DATABASE');
});

test('an attachment name already used on the app is a 422', async () => {
  const app = await newApp(p.alice);
  const addon = await postgresOn(app);
  const error = await failure(
    p.alice.addonAttachments().create({ addon: addon.id, app, name: 'DATABASE' }),
  );
  assert.equal(error.status, 422);
});

test('detaching removes the config vars from that app only', async () => {
  const app = await newApp(p.alice);
  const other = await newApp(p.alice);
  const addon = await postgresOn(app);
  const attachment = (await p.alice
    .addonAttachments()
    .create({ addon: addon.id, app: other })) as Attachment;
  await p.alice.addonAttachments(attachment.id).delete();
  assert.equal((await configOf(other))[`${attachment.name}_URL`], undefined);
  assert.ok((await configOf(app)).DATABASE_URL);
});

test('the global attachment list shows what the caller can see', async () => {
  const app = await newApp(p.alice);
  await postgresOn(app);
  const mine = (await p.alice.addonAttachments().list()) as Attachment[];
  const theirs = (await p.bob.addonAttachments().list()) as Attachment[];
  assert.ok(mine.some((a) => a.app.name === app));
  assert.ok(!theirs.some((a) => a.app.name === app));
});
