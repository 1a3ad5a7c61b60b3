import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../../src/index.js';
import { call, createApp, start } from '../helpers.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await start();
  for (const name of ['app-c', 'app-a', 'app-b']) await createApp(emulator, name);
});
after(() => emulator.stop());

const names = (json: unknown) => (json as { name: string }[]).map((a) => a.name);

test('a page with more to come is 206 with Next-Range', async () => {
  const reply = await call(emulator, 'GET', '/apps', { headers: { Range: 'name ..; max=2' } });
  assert.equal(reply.status, 206);
  assert.deepEqual(names(reply.json), ['app-a', 'app-b']);
  assert.equal(reply.headers.get('next-range'), 'name ]app-b..; max=2, order=asc');
  assert.ok(reply.headers.get('content-range'));
});

test('following Next-Range reaches a last page of 200 without Next-Range', async () => {
  const reply = await call(emulator, 'GET', '/apps', {
    headers: { Range: 'name ]app-b..; max=2, order=asc' },
  });
  assert.equal(reply.status, 200);
  assert.deepEqual(names(reply.json), ['app-c']);
  assert.equal(reply.headers.get('next-range'), null);
});

test('order=desc with max returns the last items first', async () => {
  const reply = await call(emulator, 'GET', '/apps', {
    headers: { Range: 'name ..; order=desc,max=1;' },
  });
  assert.deepEqual(names(reply.json), ['app-c']);
});

test('lists carry Accept-Ranges', async () => {
  const reply = await call(emulator, 'GET', '/apps');
  assert.equal(reply.headers.get('accept-ranges'), 'id, name, updated_at');
});

test('a second semicolon answers 400 bad_request', async () => {
  const reply = await call(emulator, 'GET', '/apps', {
    headers: { Range: 'name ..; max=10; order=desc' },
  });
  assert.equal(reply.status, 400);
});

test('a field the list does not sort by answers 416', async () => {
  const reply = await call(emulator, 'GET', '/apps', { headers: { Range: 'version ..' } });
  assert.equal(reply.status, 416);
  assert.equal((reply.json as { id: string }).id, 'requested_range_not_satisfiable');
});

test('Range is ignored on links that are not lists', async () => {
  const reply = await call(emulator, 'GET', '/apps/app-a', {
    headers: { Range: 'nonsense; ; ;' },
  });
  assert.equal(reply.status, 200);
});
