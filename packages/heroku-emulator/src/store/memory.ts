/**
 * The in-memory store. Writes inside a transaction are journalled so that a
 * throw restores the previous state exactly. Stored records are deeply frozen
 * copies, so reads hand them out as they are: a list of 10,000 apps costs no
 * copying, and a caller that tries to change a record in place fails loudly.
 */
import { matchesFilter, type RecordFilter, type Store, type StoredRecord } from './store.js';

type Undo = () => void;

/** Keeps all state in maps; lost when the process ends. */
export class MemoryStore implements Store {
  protected readonly tables = new Map<string, Map<string, StoredRecord>>();

  protected readonly counters = new Map<string, number>();

  private journal: Undo[] | undefined;

  get(collection: string, id: string): StoredRecord | undefined {
    return this.tables.get(collection)?.get(id);
  }

  find(collection: string, filter?: RecordFilter): StoredRecord[] {
    const records = [...(this.tables.get(collection)?.values() ?? [])];
    return filter === undefined ? records : records.filter((r) => matchesFilter(r, filter));
  }

  findOne(collection: string, test: (record: StoredRecord) => boolean): StoredRecord | undefined {
    for (const record of this.tables.get(collection)?.values() ?? []) {
      if (test(record)) return record;
    }
    return undefined;
  }

  put(record: StoredRecord): void {
    this.transaction(() => {
      const records = this.collectionOf(record.collection);
      const previous = records.get(record.id);
      records.set(record.id, frozenCopy(record));
      this.remember(() => {
        if (previous === undefined) records.delete(record.id);
        else records.set(record.id, previous);
      });
      this.persistPut(record);
    });
  }

  delete(collection: string, id: string): boolean {
    return this.transaction(() => {
      const records = this.collectionOf(collection);
      const previous = records.get(id);
      if (previous === undefined) return false;
      records.delete(id);
      this.remember(() => records.set(id, previous));
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

  private collectionOf(name: string): Map<string, StoredRecord> {
    let records = this.tables.get(name);
    if (records === undefined) {
      records = new Map();
      this.tables.set(name, records);
    }
    return records;
  }

  private remember(undo: Undo): void {
    this.journal?.push(undo);
  }
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
