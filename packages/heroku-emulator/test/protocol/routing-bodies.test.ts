import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../../src/index.js';
import { call, createApp, start } from '../helpers.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await start({ bodyLimit: 1024 });
  await createApp(emulator, 'route-app');
  // Like on Heroku, an app has a formation only once a slug declaring it is released.
  const slug = await call(emulator, 'POST', '/apps/route-app/slugs', {
    body: { process_types: { web: 'npm start' } },
  });
  await call(emulator, 'POST', '/apps/route-app/releases', {
    body: { slug: (slug.json as { id: string }).id },
  });
});
after(() => emulator.stop());

test('an unknown path answers 404 not_found in the envelope', async () => {
  const reply = await call(emulator, 'GET', '/no/such/endpoint');
  assert.equal(reply.status, 404);
  assert.equal((reply.json as { id: string }).id, 'not_found');
});

test('an unknown app answers 404 naming the resource', async () => {
  const reply = await call(emulator, 'GET', '/apps/missing-app');
  assert.deepEqual(reply.json, {
    id: 'not_found',
    message: "Couldn't find that app.",
    resource: 'app',
  });
});

test('a slot resolves by any identity key: an app by name and by id', async () => {
  const byName = (await call(emulator, 'GET', '/apps/route-app')).json as { id: string };
  const byId = await call(emulator, 'GET', `/apps/${byName.id}`);
  assert.equal((byId.json as { name: string }).name, 'route-app');
});

test('~ names the caller', async () => {
  const reply = await call(emulator, 'GET', '/users/~');
  assert.equal((reply.json as { email: string }).email, 'user@example.com');
});

test('literal segments win over placeholders', async () => {
  const reply = await call(emulator, 'GET', '/teams/apps/route-app');
  assert.notEqual((reply.json as { resource?: string }).resource, 'team');
});

test('HEAD is answered like GET without a body', async () => {
  const reply = await call(emulator, 'HEAD', '/apps/route-app');
  assert.equal(reply.status, 200);
  assert.equal(reply.text, '');
});

test('malformed JSON answers 400 bad_request', async () => {
  const reply = await call(emulator, 'POST', '/apps', { body: '{"name": ' });
  assert.equal(reply.status, 400);
  assert.equal((reply.json as { id: string }).id, 'bad_request');
});

test('a body over the size limit answers 413 in the envelope', async () => {
  const reply = await call(emulator, 'PATCH', '/apps/route-app/config-vars', {
    body: { BIG: 'x'.repeat(4096) },
  });
  assert.equal(reply.status, 413);
  assert.ok((reply.json as { message: string }).message);
});

test('a body breaking the schema answers 422 invalid_params naming the field', async () => {
  const reply = await call(emulator, 'POST', '/apps/route-app/dynos', { body: { size: 'basic' } });
  assert.equal(reply.status, 422);
  const body = reply.json as { id: string; message: string };
  assert.equal(body.id, 'invalid_params');
  assert.match(body.message, /command/);
});

test('what the path names is found before the body or the Range is checked', async () => {
  const dynos = await call(emulator, 'POST', '/apps/missing-app/dynos', { body: {} });
  assert.equal(dynos.status, 404);
  assert.equal((dynos.json as { resource: string }).resource, 'app');
  const feature = await call(emulator, 'PATCH', `/account/features/${crypto.randomUUID()}`, {
    body: {},
  });
  assert.equal(feature.status, 404);
  const ranged = await call(emulator, 'GET', '/apps/missing-app/releases', {
    headers: { range: 'nonsense' },
  });
  assert.equal(ranged.status, 404);
  // A known app still gets the body and Range checks.
  assert.equal((await call(emulator, 'POST', '/apps/route-app/dynos', { body: {} })).status, 422);
});

test('logout finds no session and no ~ authorization, named as the official CLI expects', async () => {
  // The CLI's logout treats exactly these answers as "nothing to revoke".
  const session = await call(emulator, 'DELETE', '/oauth/sessions/~');
  assert.equal(session.status, 404);
  assert.deepEqual(session.json, {
    id: 'not_found',
    message: "Couldn't find that session.",
    resource: 'session',
  });
  const authorization = await call(emulator, 'GET', '/oauth/authorizations/~');
  assert.equal(authorization.status, 404);
  assert.equal((authorization.json as { resource: string }).resource, 'authorization');
});

test('bad input writes nothing', async () => {
  const before = (await call(emulator, 'GET', '/apps')).text;
  await call(emulator, 'POST', '/apps', { body: { name: 42 } });
  assert.equal((await call(emulator, 'GET', '/apps')).text, before);
});

test('formation quantities as strings and the legacy size key are accepted', async () => {
  const reply = await call(emulator, 'PATCH', '/apps/route-app/formation', {
    body: { updates: [{ quantity: '2', type: 'web', size: 'Standard-2X' }] },
  });
  assert.equal(reply.status, 200);
  const [entry] = reply.json as { quantity: number; type: string }[];
  assert.equal(entry?.quantity, 2);
});

test('relative formation quantities are accepted', async () => {
  const reply = await call(emulator, 'PATCH', '/apps/route-app/formation', {
    body: { updates: [{ quantity: '+1', type: 'web' }] },
  });
  assert.equal(reply.status, 200);
});

test('keys the official CLI adds to app create are tolerated', async () => {
  const reply = await call(emulator, 'POST', '/apps', {
    body: { name: 'cli-app', feature_flags: [], internal_routing: false, kernel: null },
  });
  assert.equal(reply.status, 201);
});

test('statuses follow the link: 201 create, 202 empty, 200 otherwise', async () => {
  assert.equal(
    (await call(emulator, 'POST', '/apps', { body: { name: 'status-app' } })).status,
    201,
  );
  assert.equal((await call(emulator, 'DELETE', '/apps/status-app/dynos')).status, 202);
  assert.equal((await call(emulator, 'GET', '/apps/status-app')).status, 200);
});

test('every declared property of the target is present', async () => {
  const app = (await call(emulator, 'GET', '/apps/route-app')).json as Record<string, unknown>;
  for (const key of [
    'owner',
    'region',
    'stack',
    'build_stack',
    'repo_size',
    'slug_size',
    'space',
  ]) {
    assert.ok(key in app, key);
  }
});

test('an ETag answers 304 to a matching If-None-Match', async () => {
  const first = await call(emulator, 'GET', '/apps/route-app');
  const etag = first.headers.get('etag') ?? '';
  assert.match(etag, /^"[0-9a-f]{32}"$/);
  assert.ok(first.headers.get('last-modified'));
  const second = await call(emulator, 'GET', '/apps/route-app', {
    headers: { 'If-None-Match': etag },
  });
  assert.equal(second.status, 304);
  assert.equal(second.text, '');
});

test('GET /schema serves the schema document', async () => {
  const reply = await call(emulator, 'GET', '/schema');
  assert.equal(reply.status, 200);
  assert.ok((reply.json as { definitions?: unknown }).definitions);
});

test('GET /schema answers 404 when no schema file is available', async () => {
  const bare = await start({ schemaFile: '/nonexistent/schema.json' });
  const reply = await call(bare, 'GET', '/schema');
  await bare.stop();
  assert.equal(reply.status, 404);
  assert.equal((reply.json as { id: string }).id, 'not_found');
});
