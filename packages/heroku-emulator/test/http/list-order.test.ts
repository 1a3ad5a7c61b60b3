import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paginate } from '../../src/http/paginate.js';
import { parseRange } from '../../src/http/range.js';

type Item = Readonly<Record<string, unknown>>;

const frozen = (id: string, name: string): Item => Object.freeze({ id, name });

const pageIds = (items: readonly Item[], header: string, fields = ['id', 'name']) =>
  paginate(items, parseRange(header), fields).items.map((item) => item.id);

/** Reads the whole list page by page, as a client following Next-Range does. */
function walk(items: readonly Item[], first: string): unknown[] {
  const seen: unknown[] = [];
  let header: string | undefined = first;
  while (header !== undefined) {
    const page: { items: Item[]; headers: Record<string, string> } = paginate(
      items,
      parseRange(header),
      ['id', 'name'],
    );
    seen.push(...page.items.map((item) => item.id));
    header = page.headers['Next-Range'];
  }
  return seen;
}

test('pages of the same items come out the same whatever order the items arrive in', () => {
  const items = ['d', 'b', 'e', 'a', 'c'].map((id) => frozen(id, `n-${id}`));
  const reversed = [...items].reverse();
  assert.deepEqual(pageIds(items, 'id ..; max=2'), ['a', 'b']);
  assert.deepEqual(pageIds(reversed, 'id ]b..; max=2'), ['c', 'd']);
  assert.deepEqual(pageIds(items, 'id ]d..; max=2'), ['e']);
  assert.deepEqual(pageIds(reversed, 'id b..d; max=10, order=asc'), ['b', 'c', 'd']);
  assert.deepEqual(pageIds(items, 'id ..; max=2, order=desc'), ['e', 'd']);
  assert.deepEqual(pageIds(items, 'id ]c..a; max=5, order=desc'), ['b', 'a']);
});

test('following Next-Range visits every item once, in order', () => {
  const items = Array.from({ length: 57 }, (_, i) => frozen(`id-${(i * 37) % 101}`, `n${i}`));
  const expected = items.map((item) => item.id).sort();
  assert.deepEqual(walk(items, 'id ..; max=10'), expected);
  assert.deepEqual(walk(items, 'id ..; max=10'), expected);
});

test('a list whose items changed is ordered again, not served from an earlier order', () => {
  const items = ['a', 'b', 'c'].map((id) => frozen(id, `n-${id}`));
  assert.deepEqual(pageIds(items, 'name ..; max=3'), ['a', 'b', 'c']);
  const changed = [items[0], items[1], frozen('c', 'a-first')].filter((i) => i !== undefined);
  assert.deepEqual(pageIds(changed, 'name ..; max=3'), ['c', 'a', 'b']);
  const fewer = changed.slice(1);
  assert.deepEqual(pageIds(fewer, 'name ..; max=3'), ['c', 'b']);
});

test('items sharing a value keep their order by id, and equal ids their arrival order', () => {
  const items = [frozen('b', 'same'), frozen('a', 'same'), { id: 'a', name: 'same', n: 2 }];
  const page = paginate(items, parseRange('name ..; max=5'), ['id', 'name']);
  assert.deepEqual(
    page.items.map((item) => [item.id, item.n]),
    [
      ['a', undefined],
      ['a', 2],
      ['b', undefined],
    ],
  );
});

test('numeric range values still order as numbers', () => {
  const items = [9, 10, 1].map((version) => Object.freeze({ id: `r${version}`, version }));
  const page = paginate(items, parseRange('version ..; max=5'), ['id', 'version']);
  assert.deepEqual(
    page.items.map((item) => item.version),
    [1, 9, 10],
  );
});
