import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { MemoryStore, SqliteStore, type Store, type StoredRecord } from '../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'emulator-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const kinds: [string, () => Store][] = [
  ['memory', () => new MemoryStore()],
  ['sqlite', () => new SqliteStore(join(dir, `store-${++files}.db`))],
];

function app(id: string, name: string, owner = 'acct-1'): StoredRecord {
  return { collection: 'app', id, data: { id, name }, parents: {}, owner };
}

for (const [kind, open] of kinds) {
  describe(`${kind} store`, () => {
    test('a put record is read back by id', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      assert.deepEqual(store.get('app', 'a1')?.data, { id: 'a1', name: 'alpha' });
      store.close();
    });

    test('find filters by parents and owner and keeps insertion order', () => {
      const store = open();
      store.put({ collection: 'domain', id: 'd2', data: {}, parents: { app: 'a1' }, owner: 'x' });
      store.put({ collection: 'domain', id: 'd1', data: {}, parents: { app: 'a1' }, owner: 'y' });
      store.put({ collection: 'domain', id: 'd3', data: {}, parents: { app: 'a2' }, owner: 'x' });
      const ids = (filter: Parameters<Store['find']>[1]) =>
        store.find('domain', filter).map((r) => r.id);
      assert.deepEqual(ids({ parents: { app: 'a1' } }), ['d2', 'd1']);
      assert.deepEqual(ids({ owner: 'x' }), ['d2', 'd3']);
      store.close();
    });

    test('a replaced record keeps its place in the order', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      store.put(app('a2', 'beta'));
      store.put(app('a1', 'renamed'));
      assert.deepEqual(
        store.find('app').map((r) => r.data.name),
        ['renamed', 'beta'],
      );
      store.close();
    });

    test('returned records are frozen: changing one in place throws and changes nothing', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      const record = store.get('app', 'a1');
      assert.throws(() => {
        if (record !== undefined) record.data.name = 'mutated';
      }, TypeError);
      assert.equal(store.get('app', 'a1')?.data.name, 'alpha');
      store.close();
    });

    test('a record changed by its writer after put leaves the store as written', () => {
      const store = open();
      const written = app('a1', 'alpha');
      store.put(written);
      written.data.name = 'changed';
      assert.equal(store.get('app', 'a1')?.data.name, 'alpha');
      store.close();
    });

    test('a throwing transaction leaves no write behind', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      assert.throws(() =>
        store.transaction(() => {
          store.put(app('a1', 'changed'));
          store.put(app('a2', 'beta'));
          store.delete('app', 'a1');
          store.next('releases');
          throw new Error('boom');
        }),
      );
      assert.equal(store.get('app', 'a1')?.data.name, 'alpha');
      assert.equal(store.get('app', 'a2'), undefined);
      assert.equal(store.next('releases'), 1);
      store.close();
    });

    test('counters count up from one per name', () => {
      const store = open();
      assert.deepEqual([store.next('a'), store.next('a'), store.next('b')], [1, 2, 1]);
      store.close();
    });

    test('delete reports whether the record existed', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      assert.equal(store.delete('app', 'a1'), true);
      assert.equal(store.delete('app', 'a1'), false);
      store.close();
    });
  });
}

test('the sqlite store keeps records and counters across reopening', () => {
  const file = join(dir, 'reopen.db');
  const first = new SqliteStore(file);
  first.put(app('a1', 'alpha'));
  first.put(app('a2', 'beta'));
  first.delete('app', 'a2');
  first.next('releases');
  first.close();

  const second = new SqliteStore(file);
  assert.deepEqual(
    second.find('app').map((r) => r.id),
    ['a1'],
  );
  assert.equal(second.next('releases'), 2);
  second.close();
});
