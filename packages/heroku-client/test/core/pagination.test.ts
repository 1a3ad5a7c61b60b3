import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';
import { listLink, makeItems, serveList } from '../helpers/list-server.js';

const items = makeItems(10_000);
let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url === '/stray') {
      return json(res, 206, [{ id: 'a' }], { 'next-range': String(req.headers.range) });
    }
    if (req.url === '/single') return json(res, 200, { id: 'one' }, { 'next-range': 'id ..' });
    serveList(items, req, res);
  });
});
after(() => server.close());

function since(start: number) {
  return server.requests.slice(start);
}

test('awaiting a list gives all 10,000 items in order with one request per page', async () => {
  const start = server.requests.length;
  const all = await testClient(server.url).request<{ id: string }>({
    path: '/apps',
    link: listLink('/apps'),
  });
  assert.equal(all.length, 10_000);
  assert.deepEqual(all, items);
  assert.equal(since(start).length, 10);
});

test('the first page asks for the link default sort field in pages of 1000', async () => {
  const start = server.requests.length;
  await testClient(server.url).request({
    path: '/teams/t/members',
    link: listLink('/x', ['email']),
    partial: true,
  });
  assert.equal(since(start)[0]?.headers.range, 'email ..; max=1000');
});

test('a list without declared ranges is paged by id', async () => {
  const start = server.requests.length;
  await testClient(server.url).request({
    path: '/apps',
    link: listLink('/apps', []),
    partial: true,
  });
  assert.equal(since(start)[0]?.headers.range, 'id ..; max=1000');
});

test('Next-Range is sent back verbatim', async () => {
  const start = server.requests.length;
  await testClient(server.url).request({
    path: '/apps',
    link: listLink('/apps'),
    range: 'id ..; max=4000',
  });
  const sent = since(start).map((r) => r.headers.range);
  assert.deepEqual(sent, [
    'id ..; max=4000',
    'id ]item-03999..; max=4000',
    'id ]item-07999..; max=4000',
  ]);
});

test('iterating streams the items page by page, fetching a page only when needed', async () => {
  const start = server.requests.length;
  const call = testClient(server.url).request<{ id: string }>({
    path: '/apps',
    link: listLink('/apps'),
  });
  let seen = 0;
  for await (const item of call) {
    assert.equal(item.id, items[seen]?.id);
    seen++;
    if (seen === 1000) assert.equal(since(start).length, 1);
    if (seen === 1001) assert.equal(since(start).length, 2);
  }
  assert.equal(seen, 10_000);
  assert.equal(since(start).length, 10);
});

test('a caller range applies to the first page only', async () => {
  const start = server.requests.length;
  const all = await testClient(server.url).request({
    path: '/apps',
    link: listLink('/apps'),
    range: 'id ]item-09000..; max=400',
  });
  assert.equal(all.length, 999);
  assert.deepEqual(
    since(start).map((r) => r.headers.range),
    ['id ]item-09000..; max=400', 'id ]item-09400..; max=400', 'id ]item-09800..; max=400'],
  );
});

test('partial stops after the first page', async () => {
  const start = server.requests.length;
  const page = await testClient(server.url).request({
    path: '/apps',
    link: listLink('/apps'),
    partial: true,
  });
  assert.equal(page.length, 1000);
  assert.equal(since(start).length, 1);
});

test('a generic call whose answer is an array with Next-Range is followed', async () => {
  const start = server.requests.length;
  const all = await testClient(server.url).get<unknown[]>('/no-such-link-list');
  assert.equal(all.length, 10_000);
  assert.equal(since(start).length, 50);
});

test('a Next-Range equal to the one just sent ends the list instead of looping', async () => {
  const all = await testClient(server.url).get<unknown[]>('/stray', { range: 'id ..; max=1' });
  assert.deepEqual(all, [{ id: 'a' }]);
});

test('Next-Range on an answer that is not an array is not followed', async () => {
  const start = server.requests.length;
  assert.deepEqual(await testClient(server.url).get('/single'), { id: 'one' });
  assert.equal(since(start).length, 1);
});

test('a change that answers an array is sent once, without Range, whatever Next-Range says', async () => {
  const start = server.requests.length;
  // PATCH /apps/{app}/formation answers the formation list; the route table marks it a list.
  const body = { updates: [{ type: 'web', quantity: 2 }] };
  const first = await testClient(server.url).patch<unknown[]>('/apps/a/formation', { body });
  assert.equal(first.length, 200);
  const posted = await testClient(server.url).post<unknown[]>('/no-such-link-list', { body: {} });
  assert.equal(posted.length, 200);
  const sent = since(start);
  assert.equal(sent.length, 2);
  assert.deepEqual(
    sent.map((r) => r.headers.range),
    [undefined, undefined],
  );
});

test('withResponse on a list gives every item and the last page status', async () => {
  const call = testClient(server.url).request({ path: '/apps', link: listLink('/apps') });
  const response = await call.withResponse();
  assert.equal(response.body.length, 10_000);
  assert.equal(response.status, 200);
});

test('pages() yields each page response in order', async () => {
  const call = testClient(server.url).request({ path: '/apps', link: listLink('/apps') });
  const statuses: number[] = [];
  for await (const page of call.pages()) statuses.push(page.status);
  assert.deepEqual(statuses, [206, 206, 206, 206, 206, 206, 206, 206, 206, 200]);
});
