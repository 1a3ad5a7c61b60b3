import { deepEqual, equal } from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appId, appObject } from '../lib/app-fixture.mjs';
import { startServer } from '../lib/processes.mjs';

const AUTH = { authorization: 'Bearer placeholder' };
let server;

before(async () => {
  server = await startServer('server.mjs', { BENCH_TOTAL_APPS: '2500' });
});
after(() => server.stop());

async function page(range) {
  const res = await fetch(`${server.origin}/apps`, { headers: { ...AUTH, range } });
  return { status: res.status, next: res.headers.get('next-range'), apps: await res.json() };
}

test('a listing answers 206 with Next-Range while more remain and 200 without it at the end', async () => {
  const first = await page('id ..; max=1000');
  equal(first.status, 206);
  equal(first.apps.length, 1000);
  equal(first.next, `id ]${appId(999)}..; max=1000`);

  const last = await page(`id ]${appId(1999)}..; max=1000`);
  equal(last.status, 200);
  equal(last.next, null);
  deepEqual(
    last.apps.map((app) => app.id),
    [...Array(500).keys()].map((i) => appId(2000 + i)),
  );
});

test('?total= sets the size of the listing', async () => {
  const res = await fetch(`${server.origin}/apps?total=3`, { headers: AUTH });
  equal(res.status, 200);
  equal((await res.json()).length, 3);
});

test('an app is found by id and by name', async () => {
  for (const key of [appId(42), 'bench-app-000042']) {
    const res = await fetch(`${server.origin}/apps/${key}`, { headers: AUTH });
    deepEqual(await res.json(), appObject(42));
  }
});

test('POST /apps answers 201 with the app named in the body', async () => {
  const res = await fetch(`${server.origin}/apps`, {
    method: 'POST',
    headers: { ...AUTH, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'my-bench-app' }),
  });
  equal(res.status, 201);
  equal((await res.json()).name, 'my-bench-app');
});

test('errors use the Heroku envelope: 401 without credentials, 404 for an unknown app', async () => {
  const anonymous = await fetch(`${server.origin}/apps`);
  equal(anonymous.status, 401);
  equal((await anonymous.json()).id, 'unauthorized');

  const missing = await fetch(`${server.origin}/apps/no-such-app`, { headers: AUTH });
  equal(missing.status, 404);
  equal((await missing.json()).id, 'not_found');
});
