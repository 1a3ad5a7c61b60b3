import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Page, paginate } from '../../src/http/paginate.js';
import { parseRange } from '../../src/http/range.js';

type Item = Readonly<Record<string, unknown>>;

/**
 * Reads a list page by page as HC/NHC do (following Next-Range on any 2xx),
 * failing instead of looping forever; returns each page's ids and status.
 */
function walk(items: readonly Item[], first: string, fields: string[]) {
  const pages: { status: number; ids: unknown[]; next?: string }[] = [];
  let header: string | undefined = first;
  while (header !== undefined) {
    if (pages.length > items.length + 1) assert.fail(`Next-Range never ended: ${header}`);
    const page: Page<Item> = paginate(items, parseRange(header), fields);
    header = page.headers['Next-Range'];
    pages.push({ status: page.status, ids: page.items.map((item) => item.id), next: header });
  }
  return pages;
}

const collaborator = (id: string, email: string): Item =>
  Object.freeze({ app: { id: 'app', name: 'app-a' }, id, user: { email, id: `u-${id}` } });

test('a field named after a nested object’s key pages by that nested value', () => {
  const items = [
    collaborator('1', 'c@x.io'),
    collaborator('2', 'a@x.io'),
    collaborator('3', 'b@x.io'),
  ];
  const pages = walk(items, 'email ..; max=2', ['id', 'email']);
  assert.deepEqual(
    pages.map((page) => [page.status, page.ids, page.next]),
    [
      [206, ['2', '3'], 'email ]b@x.io..; max=2, order=asc'],
      [200, ['1'], undefined],
    ],
  );
});

test('items lacking the range field are paged by id, so the pages end', () => {
  const items = ['c', 'a', 'b'].map((id) => Object.freeze({ id, created_at: '2024' }));
  const pages = walk(items, 'started_at ..; max=1', ['id', 'started_at']);
  assert.deepEqual(
    pages.map((page) => [page.status, page.ids, page.next]),
    [
      [206, ['a'], 'id ]a..; max=1, order=asc'],
      [206, ['b'], 'id ]b..; max=1, order=asc'],
      [200, ['c'], undefined],
    ],
  );
});

test('values Next-Range could not carry back fall back to id too', () => {
  for (const odd of ['', 'a..b', 'ends.', 'semi;colon', ' padded']) {
    const items = [
      { id: 'x', name: 'plain' },
      { id: 'y', name: odd },
    ];
    const pages = walk(items, 'name ..; max=1', ['id', 'name']);
    assert.deepEqual(
      pages.map((page) => page.ids),
      [['x'], ['y']],
      JSON.stringify(odd),
    );
  }
});

test('a list without usable ids either comes whole in one 200 page', () => {
  const items = [{ name: '' }, { name: 'b' }, { name: 'a' }];
  const page = paginate(items, parseRange('name ..; max=1'), ['id', 'name']);
  assert.equal(page.status, 200);
  assert.equal(page.items.length, 3);
  assert.equal(page.headers['Next-Range'], undefined);
});

test('the end bound stays in Next-Range and the last page inside it is 200', () => {
  const items = ['b-1', 'b-2', 'b-3', 'b-4'].map((name) => Object.freeze({ id: name, name }));
  const pages = walk(items, 'name b-1..b-3; max=2', ['id', 'name']);
  assert.deepEqual(
    pages.map((page) => [page.status, page.ids, page.next]),
    [
      [206, ['b-1', 'b-2'], 'name ]b-2..b-3; max=2, order=asc'],
      [200, ['b-3'], undefined],
    ],
  );
});

test('the end bound holds in descending order as well', () => {
  const items = ['b-1', 'b-2', 'b-3', 'b-4'].map((name) => Object.freeze({ id: name, name }));
  const pages = walk(items, 'name b-4..b-2; max=2, order=desc', ['id', 'name']);
  assert.deepEqual(
    pages.map((page) => page.ids),
    [['b-4', 'b-3'], ['b-2']],
  );
});
