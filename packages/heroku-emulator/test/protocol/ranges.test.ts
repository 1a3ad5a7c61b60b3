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

/** Follows Next-Range from `first` as HC/NHC do, failing rather than looping forever. */
async function walk(path: string, first: string) {
  const pages: { status: number; items: unknown[] }[] = [];
  let range: string | null = first;
  while (range !== null) {
    if (pages.length > 20) assert.fail(`Next-Range never ended: ${range}`);
    const reply = await call(emulator, 'GET', path, { headers: { Range: range } });
    pages.push({ status: reply.status, items: reply.json as unknown[] });
    range = reply.headers.get('next-range');
  }
  return pages;
}

test('Next-Range keeps the end bound, and the last page inside it is 200', async () => {
  const pages = await walk('/apps', 'name app-a..app-b; max=1');
  assert.deepEqual(
    pages.map((page) => [page.status, names(page.items)]),
    [
      [206, ['app-a']],
      [200, ['app-b']],
    ],
  );
  const first = await call(emulator, 'GET', '/apps', {
    headers: { Range: 'name app-a..app-b; max=1' },
  });
  assert.equal(first.headers.get('next-range'), 'name ]app-a..app-b; max=1, order=asc');
});

test('collaborators page by the email of their nested user, and the pages end', async () => {
  const others = await start({
    accounts: [
      { email: 'owner@example.com', token: 'token-owner' },
      { email: 'c@example.com', token: 'token-c' },
      { email: 'b@example.com', token: 'token-b' },
    ],
  });
  try {
    await createApp(others, 'shared-app');
    for (const user of ['c@example.com', 'b@example.com']) {
      await call(others, 'POST', '/apps/shared-app/collaborators', { body: { user } });
    }
    const emails: string[] = [];
    let range: string | null = 'email ..; max=1';
    for (let page = 0; range !== null; page++) {
      if (page > 5) assert.fail(`Next-Range never ended: ${range}`);
      const reply = await call(others, 'GET', '/apps/shared-app/collaborators', {
        headers: { Range: range },
      });
      emails.push(...(reply.json as { user: { email: string } }[]).map((c) => c.user.email));
      range = reply.headers.get('next-range');
    }
    assert.deepEqual(emails, ['b@example.com', 'c@example.com', 'owner@example.com']);
  } finally {
    await others.stop();
  }
});

test('a range field the items lack pages by id, visiting each item once', async () => {
  for (let i = 0; i < 3; i++) {
    await call(emulator, 'POST', '/apps/app-a/builds', {
      body: { source_blob: { url: 'https://example.com/source.tgz' } },
    });
  }
  const all = (await call(emulator, 'GET', '/apps/app-a/builds')).json as { id: string }[];
  const pages = await walk('/apps/app-a/builds', 'started_at ..; max=1');
  const ids = pages.flatMap((page) => (page.items as { id: string }[]).map((b) => b.id));
  assert.deepEqual(ids, all.map((b) => b.id).sort());
  assert.equal(pages.at(-1)?.status, 200);
});
