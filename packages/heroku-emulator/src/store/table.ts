/**
 * One collection of the in-memory store: its records in insertion order, with
 * indexes by parent, by owner and (built on first use) by property value, so
 * that "the releases of this app" or "the app called x" cost the size of the
 * answer rather than the size of the collection.
 *
 * Every index lists ids in the order they joined it. A replaced record keeps
 * its place in the collection but joins a new bucket at its end when its parent,
 * owner or property changes, so answers are put back in collection order
 * (by position) whenever a bucket is out of it.
 */
import type { StoredRecord } from './store.js';

type Bucket = Set<string>;

/** Ticks on every change of any table, so no two changes share a reading. */
let clock = 0;

/** The `data` objects held by tables: deeply frozen, so they never change. */
const storedData = new WeakSet<object>();

/**
 * True when `value` is the `data` of a stored record: deeply frozen and never
 * changed again, so anything derived from it alone can be kept with it.
 */
export function isStoredData(value: unknown): value is object {
  return typeof value === 'object' && value !== null && storedData.has(value);
}

/** A collection's records and their indexes. */
export class Table {
  private readonly records = new Map<string, StoredRecord>();

  /** Position of each id in the collection order; a re-inserted id goes last. */
  private readonly positions = new Map<string, number>();

  private nextPosition = 0;

  /** The clock reading of the last change; see `Store.revision`. */
  private changes = 0;

  private readonly byParent = new Map<string, Bucket>();

  private readonly byOwner = new Map<string | null, Bucket>();

  /** Property indexes by key, each built the first time that key is looked up. */
  private readonly byProperty = new Map<string, Map<string, Bucket>>();

  /** The record with that id, or `undefined`. */
  get(id: string): StoredRecord | undefined {
    return this.records.get(id);
  }

  /** A number that changes with every insert, replacement and removal, never repeating. */
  get revision(): number {
    return this.changes;
  }

  /** Every record, oldest first. */
  values(): IterableIterator<StoredRecord> {
    return this.records.values();
  }

  /** Inserts `record` (deeply frozen), or replaces the one with its id in place. */
  set(record: StoredRecord): void {
    storedData.add(record.data);
    clock += 1;
    this.changes = clock;
    const previous = this.records.get(record.id);
    if (previous === undefined) this.positions.set(record.id, this.nextPosition++);
    this.records.set(record.id, record);
    this.reindex(previous, record);
  }

  /** Removes the record with that id; returns it, or `undefined` when absent. */
  remove(id: string): StoredRecord | undefined {
    const previous = this.records.get(id);
    if (previous === undefined) return undefined;
    clock += 1;
    this.changes = clock;
    this.records.delete(id);
    this.positions.delete(id);
    this.reindex(previous, undefined);
    return previous;
  }

  /** Records whose `parents[resource]` is `id`, oldest first. */
  withParent(resource: string, id: string): StoredRecord[] {
    return this.collect(this.byParent.get(parentKey(resource, id)));
  }

  /** Records owned by `owner`, oldest first. */
  withOwner(owner: string | null): StoredRecord[] {
    return this.collect(this.byOwner.get(owner));
  }

  /**
   * Records where some `data[key]` of `keys` is a string, number or boolean
   * spelling `value` (compared as `String(data[key]) === value`), oldest first.
   */
  withProperty(keys: readonly string[], value: string): StoredRecord[] {
    const buckets = keys.map((key) => this.propertyIndex(key).get(value));
    if (buckets.length <= 1) return this.collect(buckets[0]);
    const ids = new Set<string>();
    for (const bucket of buckets) for (const id of bucket ?? []) ids.add(id);
    return this.collect(ids);
  }

  /** The index of property `key`, built from every record on first use. */
  private propertyIndex(key: string): Map<string, Bucket> {
    let index = this.byProperty.get(key);
    if (index === undefined) {
      index = new Map();
      for (const record of this.records.values()) addTo(index, propertyKey(record, key), record.id);
      this.byProperty.set(key, index);
    }
    return index;
  }

  private reindex(before: StoredRecord | undefined, after: StoredRecord | undefined): void {
    const id = (before ?? after)?.id ?? '';
    const parentsBefore = before === undefined ? [] : parentKeys(before);
    const parentsAfter = after === undefined ? [] : parentKeys(after);
    for (const key of parentsBefore) {
      if (!parentsAfter.includes(key)) removeFrom(this.byParent, key, id);
    }
    for (const key of parentsAfter) {
      if (!parentsBefore.includes(key)) addTo(this.byParent, key, id);
    }

    if (before === undefined || after === undefined || before.owner !== after.owner) {
      if (before !== undefined) removeFrom(this.byOwner, before.owner, id);
      if (after !== undefined) addTo(this.byOwner, after.owner, id);
    }

    for (const [key, index] of this.byProperty) {
      const old = before === undefined ? undefined : propertyKey(before, key);
      const now = after === undefined ? undefined : propertyKey(after, key);
      if (old === now && before !== undefined && after !== undefined) continue;
      removeFrom(index, old, id);
      addTo(index, now, id);
    }
  }

  /** The records of a bucket in collection order. */
  private collect(bucket: Bucket | undefined): StoredRecord[] {
    if (bucket === undefined) return [];
    const found: StoredRecord[] = [];
    let ordered = true;
    let last = -1;
    for (const id of bucket) {
      const record = this.records.get(id);
      if (record === undefined) continue;
      const position = this.positions.get(id) ?? 0;
      if (position < last) ordered = false;
      last = position;
      found.push(record);
    }
    if (!ordered) {
      found.sort((a, b) => (this.positions.get(a.id) ?? 0) - (this.positions.get(b.id) ?? 0));
    }
    return found;
  }
}

function parentKey(resource: string, id: string): string {
  return `${resource}\u0000${id}`;
}

function parentKeys(record: StoredRecord): string[] {
  return Object.entries(record.parents).map(([resource, id]) => parentKey(resource, id));
}

/** The index key of `data[key]`, or `undefined` for values no lookup can name. */
function propertyKey(record: StoredRecord, key: string): string | undefined {
  const value = record.data[key];
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' ? String(value) : undefined;
}

function addTo<K>(index: Map<K, Bucket>, key: K | undefined, id: string): void {
  if (key === undefined) return;
  let bucket = index.get(key);
  if (bucket === undefined) {
    bucket = new Set();
    index.set(key, bucket);
  }
  bucket.add(id);
}

function removeFrom<K>(index: Map<K, Bucket>, key: K | undefined, id: string): void {
  if (key === undefined) return;
  const bucket = index.get(key);
  if (bucket === undefined) return;
  bucket.delete(id);
  if (bucket.size === 0) index.delete(key);
}
