/**
 * The in-memory store. Writes inside a transaction are journalled so that a
 * throw restores the previous state exactly. Stored records are deeply frozen
 * copies, so reads hand them out as they are: a list of 10,000 apps costs no
 * copying, and a caller that tries to change a record in place fails loudly.
 * Each collection keeps indexes by parent, owner and property (see `Table`), so
 * filtered reads cost the size of their answer.
 */
import { matchesFilter, type RecordFilter, type Store, type StoredRecord } from './store.js';
import { Table } from './table.js';

type Undo = () => void;

/** Keeps all state in maps; lost when the process ends. */
export class MemoryStore implements Store {
  protected readonly tables = new Map<string, Table>();

  protected readonly counters = new Map<string, number>();

  private journal: Undo[] | undefined;

  get(collection: string, id: string): StoredRecord | undefined {
    return this.tables.get(collection)?.get(id);
  }

  find(collection: string, filter?: RecordFilter): StoredRecord[] {
    const table = this.tables.get(collection);
    if (table === undefined) return [];
    const narrowed = narrow(table, filter);
    if (narrowed === undefined) {
      const records = [...table.values()];
      return filter === undefined ? records : records.filter((r) => matchesFilter(r, filter));
    }
    return narrowed.filter((r) => matchesFilter(r, filter));
  }

  findBy(collection: string, keys: readonly string[], value: string): StoredRecord[] {
    return this.tables.get(collection)?.withProperty(keys, value) ?? [];
  }

  findOne(collection: string, test: (record: StoredRecord) => boolean): StoredRecord | undefined {
    for (const record of this.tables.get(collection)?.values() ?? []) {
      if (test(record)) return record;
    }
    return undefined;
  }

  revision(collection: string): number {
    return this.tables.get(collection)?.revision ?? 0;
  }

  put(record: StoredRecord): void {
    this.transaction(() => {
      const records = this.collectionOf(record.collection);
      const previous = records.get(record.id);
      records.set(frozenCopy(record));
      this.remember(() => {
        if (previous === undefined) records.remove(record.id);
        else records.set(previous);
      });
      this.persistPut(record);
    });
  }

  delete(collection: string, id: string): boolean {
    return this.transaction(() => {
      const records = this.collectionOf(collection);
      const previous = records.remove(id);
      if (previous === undefined) return false;
      this.remember(() => records.set(previous));
      this.persistDelete(collection, id);
      return true;
    });
  }

  collections(): string[] {
    return [...this.tables.keys()];
  }

  next(counter: string): number {
    return this.transaction(() => {
      const previous = this.counters.get(counter);
      const value = (previous ?? 0) + 1;
      this.counters.set(counter, value);
      this.remember(() => {
        if (previous === undefined) this.counters.delete(counter);
        else this.counters.set(counter, previous);
      });
      this.persistCounter(counter, value);
      return value;
    });
  }

  transaction<T>(fn: () => T): T {
    if (this.journal !== undefined) return fn();
    const journal: Undo[] = [];
    this.journal = journal;
    try {
      const result = this.durably(fn);
      this.journal = undefined;
      return result;
    } catch (error) {
      this.journal = undefined;
      for (const undo of journal.reverse()) undo();
      throw error;
    }
  }

  close(): void {
    this.tables.clear();
  }

  /** Runs the outermost transaction body; durable stores wrap it in theirs. */
  protected durably<T>(fn: () => T): T {
    return fn();
  }

  /** Hooks for durable stores: called inside the transaction for each write. */
  protected persistPut(_record: StoredRecord): void {}

  protected persistDelete(_collection: string, _id: string): void {}

  protected persistCounter(_counter: string, _value: number): void {}

  /** The table of collection `name`, created empty on first use. */
  protected collectionOf(name: string): Table {
    let records = this.tables.get(name);
    if (records === undefined) {
      records = new Table();
      this.tables.set(name, records);
    }
    return records;
  }

  private remember(undo: Undo): void {
    this.journal?.push(undo);
  }
}

/** The filter's records from the narrowest index, or `undefined` when none applies. */
function narrow(table: Table, filter: RecordFilter | undefined): StoredRecord[] | undefined {
  if (filter === undefined) return undefined;
  const [parent] = Object.entries(filter.parents ?? {});
  if (parent !== undefined) return table.withParent(parent[0], parent[1]);
  return filter.owner === undefined ? undefined : table.withOwner(filter.owner);
}

/** A deep copy that can no longer change. */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
