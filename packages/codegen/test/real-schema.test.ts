import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { chainText } from '../src/chains.js';
import { generate } from '../src/generate.js';
import { readSchemaFile } from '../src/schema.js';

const shared = resolve(import.meta.dirname, '../../../../../shared/heroku');
const schemaFile = resolve(shared, 'platform-api.schema.json');

async function run() {
  const schema = await readSchemaFile(schemaFile);
  const v3 = await readSchemaFile(resolve(shared, 'platform-api.v3.schema.json'));
  return generate(schema, v3);
}

test('the shared schema gives 338 links over 118 resources', async () => {
  const { manifest } = await run();
  assert.equal(manifest.sha256, 'a742c41c1a3362fc4cb5a202532ed852d1eaaf3f75917627cd7b593c6215e3c5');
  assert.equal(manifest.counts.links, 338);
  assert.equal(manifest.counts.resources, 118);
});

test('every link appears once, with a distinct chain and action', async () => {
  const { links } = await run();
  const calls = links.map(
    (l) => `${l.chain.map((s) => `${s.name}/${s.params}`).join('.')}#${l.action}`,
  );
  assert.equal(new Set(calls).size, 338);
  assert.equal(new Set(links.map((l) => l.id)).size, 338);
});

test('links only under 3.sdk are marked with that variant', async () => {
  const { links, manifest } = await run();
  assert.equal(manifest.counts.sdkOnlyLinks, 39);
  const capabilities = links.find((l) => l.href === '/users/~/capabilities');
  assert.equal(capabilities?.variant, '3.sdk');
  assert.equal(links.find((l) => l.id === 'app.create')?.variant, null);
});

test('the known collisions of the real schema are resolved visibly', async () => {
  const { links, collisions } = await run();
  const shared = collisions.filter((c) => c.kind === 'same method and href');
  assert.equal(shared.length, 3);
  const teamApp = links.filter(
    (l) => l.method === 'PATCH' && l.href === '/teams/apps/{team_app_name}',
  );
  assert.deepEqual(teamApp.map((l) => l.action).sort(), [
    'transferToAccount',
    'transferToTeam',
    'updateLocked',
  ]);
  const addons = links.filter((l) => l.href === '/teams/{team_name_or_id}/addons');
  assert.deepEqual(addons.map((l) => l.action).sort(), ['listByTeam', 'listForTeam']);
});

test('the original dyno calls read as the docs show them', async () => {
  const { links } = await run();
  const text = (id: string) => chainText(links.find((l) => l.id === id) ?? assert.fail(id));
  assert.equal(text('dyno.create'), 'heroku.apps(…).dynos().create()');
  assert.equal(text('dyno.list'), 'heroku.apps(…).dynos().list()');
  assert.equal(text('dyno.info'), 'heroku.apps(…).dynos(…).info()');
  assert.equal(text('dyno.stop'), 'heroku.apps(…).dynos(…).stop()');
});

test('generation is deterministic', async () => {
  const a = await run();
  const b = await run();
  assert.deepEqual([...a.files.entries()], [...b.files.entries()]);
});
