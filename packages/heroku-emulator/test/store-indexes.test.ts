import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { MemoryStore, SqliteStore, type Store, type StoredRecord } from '../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'emulator-store-indexes-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
const kinds: [string, () => Store][] = [
  ['memory', () => new MemoryStore()],
  ['sqlite', () => new SqliteStore(join(dir, `store-${++files}.db`))],
];

function app(id: string, name: string): StoredRecord {
  return { collection: 'app', id, data: { id, name }, parents: {}, owner: 'acct-1' };
}

function release(id: string, appId: string, version: unknown): StoredRecord {
  return { collection: 'release', id, data: { id, version }, parents: { app: appId }, owner: 'x' };
}

const ids = (records: readonly StoredRecord[]) => records.map((r) => r.id);

for (const [kind, open] of kinds) {
  describe(`${kind} store lookups`, () => {
    test('findBy finds records by any named property, oldest first', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      store.put(app('a2', 'a1'));
      store.put(app('a3', 'gamma'));
      assert.deepEqual(ids(store.findBy('app', ['name'], 'alpha')), ['a1']);
      assert.deepEqual(ids(store.findBy('app', ['id', 'name'], 'a1')), ['a1', 'a2']);
      assert.deepEqual(store.findBy('app', ['name'], 'missing'), []);
      assert.deepEqual(store.findBy('nothing', ['name'], 'alpha'), []);
      store.close();
    });

    test('findBy follows a rename and forgets a deleted record', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      assert.equal(store.findBy('app', ['name'], 'alpha').length, 1);
      store.put(app('a1', 'renamed'));
      store.put(app('a2', 'beta'));
      store.delete('app', 'a2');
      assert.deepEqual(store.findBy('app', ['name'], 'alpha'), []);
      assert.deepEqual(ids(store.findBy('app', ['name'], 'renamed')), ['a1']);
      assert.deepEqual(store.findBy('app', ['name'], 'beta'), []);
      store.close();
    });

    test('findBy matches numbers and booleans by their spelling, never objects', () => {
      const store = open();
      store.put(release('r1', 'a1', 3));
      store.put(release('r2', 'a1', { n: 3 }));
      store.put(release('r3', 'a1', true));
      assert.deepEqual(ids(store.findBy('release', ['version'], '3')), ['r1']);
      assert.deepEqual(ids(store.findBy('release', ['version'], 'true')), ['r3']);
      assert.deepEqual(store.findBy('release', ['version'], '[object Object]'), []);
      store.close();
    });

    test('a record moved to another parent is found there in collection order', () => {
      const store = open();
      store.put(release('r1', 'a2', 1));
      store.put(release('r2', 'a1', 1));
      store.put(release('r1', 'a1', 1));
      assert.deepEqual(ids(store.find('release', { parents: { app: 'a1' } })), ['r1', 'r2']);
      assert.deepEqual(store.find('release', { parents: { app: 'a2' } }), []);
      assert.deepEqual(ids(store.find('release', { owner: 'x' })), ['r1', 'r2']);
      store.close();
    });

    test('a rolled-back transaction leaves every lookup as it was', () => {
      const store = open();
      store.put(app('a1', 'alpha'));
      store.put(release('r1', 'a1', 1));
      assert.equal(store.findBy('app', ['name'], 'alpha').length, 1);
      assert.throws(() =>
        store.transaction(() => {
          store.put(app('a1', 'renamed'));
          store.delete('release', 'r1');
          store.put(release('r2', 'a1', 2));
          throw new Error('boom');
        }),
      );
      assert.deepEqual(ids(store.findBy('app', ['name'], 'alpha')), ['a1']);
      assert.deepEqual(store.findBy('app', ['name'], 'renamed'), []);
      assert.deepEqual(ids(store.find('release', { parents: { app: 'a1' } })), ['r1']);
      store.close();
    });
  });
}

test('a reopened sqlite store answers lookups from the loaded records', () => {
  const file = join(dir, 'reopen.db');
  const first = new SqliteStore(file);
  first.put(app('a1', 'alpha'));
  first.put(release('r1', 'a1', 1));
  first.put(release('r2', 'a1', 2));
  first.close();

  const second = new SqliteStore(file);
  assert.deepEqual(ids(second.findBy('app', ['name'], 'alpha')), ['a1']);
  assert.deepEqual(ids(second.find('release', { parents: { app: 'a1' } })), ['r1', 'r2']);
  second.close();
});

for (const [kind, open] of kinds) {
  test(`${kind} store: a collection's revision changes with every write and never repeats`, () => {
    const store = open();
    const seen = [store.revision('app')];
    store.put(app('a1', 'alpha'));
    seen.push(store.revision('app'));
    assert.equal(store.revision('app'), seen.at(-1));
    store.get('app', 'a1');
    store.find('app');
    assert.equal(store.revision('app'), seen.at(-1));
    store.put(release('r1', 'a1', 1));
    assert.equal(store.revision('app'), seen.at(-1));
    store.put(app('a1', 'renamed'));
    seen.push(store.revision('app'));
    assert.throws(() =>
      store.transaction(() => {
        store.delete('app', 'a1');
        throw new Error('boom');
      }),
    );
    seen.push(store.revision('app'));
    store.delete('app', 'a1');
    seen.push(store.revision('app'));
    assert.equal(new Set(seen).size, seen.length);
    store.close();
  });
}
