import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { HerokuApiError } from 'heroku-client';
import { appName, type Platform, startPlatform } from './helpers.js';

let platform: Platform;
before(async () => {
  platform = await startPlatform();
});
after(() => platform.stop());

test('setting buildpacks replaces the list, answered in order as given', async () => {
  const { alice } = platform;
  const name = appName('bp');
  await alice.apps().create({ name });
  assert.deepEqual(await alice.apps(name).buildpackInstallations().list(), []);

  const set = await alice
    .apps(name)
    .buildpackInstallations()
    .update({
      updates: [{ buildpack: 'heroku/nodejs' }, { buildpack: 'https://example.com/bp.tgz' }],
    });
  const expected = [
    { buildpack: { url: 'heroku/nodejs', name: 'heroku/nodejs' }, ordinal: 0 },
    {
      buildpack: { url: 'https://example.com/bp.tgz', name: 'https://example.com/bp.tgz' },
      ordinal: 1,
    },
  ];
  assert.deepEqual(set, expected);
  assert.deepEqual(await alice.apps(name).buildpackInstallations().list(), expected);

  await alice
    .apps(name)
    .buildpackInstallations()
    .update({ updates: [{ buildpack: 'heroku/go' }] });
  const now = await alice.apps(name).buildpackInstallations().list();
  assert.deepEqual(
    now.map((i) => i.buildpack.url),
    ['heroku/go'],
  );
  await alice.apps(name).buildpackInstallations().update({ updates: [] });
  assert.deepEqual(await alice.apps(name).buildpackInstallations().list(), []);
});

test('a bad entry is refused and the list is unchanged; other accounts see no app', async () => {
  const { alice, bob } = platform;
  const name = appName('bp');
  await alice.apps().create({ name });
  await alice
    .apps(name)
    .buildpackInstallations()
    .update({ updates: [{ buildpack: 'heroku/ruby' }] });
  await assert.rejects(
    alice
      .apps(name)
      .buildpackInstallations()
      .put({ body: { updates: [{ buildpack: 'heroku/php' }, { buildpack: '' }] } }),
    (error: unknown) => error instanceof HerokuApiError && error.status === 422,
  );
  const kept = await alice.apps(name).buildpackInstallations().list();
  assert.deepEqual(
    kept.map((i) => i.buildpack.url),
    ['heroku/ruby'],
  );
  await assert.rejects(
    bob.apps(name).buildpackInstallations().list(),
    (error: unknown) => error instanceof HerokuApiError && error.status === 404,
  );
});
