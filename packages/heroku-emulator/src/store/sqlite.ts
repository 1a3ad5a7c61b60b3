/**
 * The SQLite store (`--data FILE`): the in-memory store, written through to a
 * SQLite database in WAL mode. Each transaction of the store is one SQLite
 * transaction, so a crash or a failed request never leaves half of its writes on
 * disk. All records are loaded when the file is opened.
 */
import Database from 'better-sqlite3';
import { frozenCopy, MemoryStore } from './memory.js';
import type { StoredRecord } from './store.js';

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS records (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  owner TEXT,
  parents TEXT NOT NULL,
  data TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (collection, id)
);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

const PUT_SQL = `INSERT INTO records (collection, id, owner, parents, data, seq)
VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (collection, id) DO UPDATE
SET owner = excluded.owner, parents = excluded.parents, data = excluded.data`;

const COUNTER_SQL = `INSERT INTO counters (name, value) VALUES (?, ?)
ON CONFLICT (name) DO UPDATE SET value = excluded.value`;

interface RecordRow {
  collection: string;
  id: string;
  owner: string | null;
  parents: string;
  data: string;
}

/** A store persisted in a SQLite file. */
export class SqliteStore extends MemoryStore {
  private readonly db: Database.Database;

  private seq = 0;

  /** Write statements, prepared once rather than on every write. */
  private readonly statements: {
    readonly put: Database.Statement;
    readonly delete: Database.Statement;
    readonly counter: Database.Statement;
  };

  constructor(file: string) {
    super();
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(SCHEMA_SQL);
    this.statements = {
      put: this.db.prepare(PUT_SQL),
      delete: this.db.prepare('DELETE FROM records WHERE collection = ? AND id = ?'),
      counter: this.db.prepare(COUNTER_SQL),
    };
    this.load();
  }

  override close(): void {
    super.close();
    this.db.close();
  }

  protected override durably<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  protected override persistPut(record: StoredRecord): void {
    // A replaced record keeps its original position so lists keep their order.
    this.seq += 1;
    this.statements.put.run(
      record.collection,
      record.id,
      record.owner,
      JSON.stringify(record.parents),
      JSON.stringify(record.data),
      this.seq,
    );
  }

  protected override persistDelete(collection: string, id: string): void {
    this.statements.delete.run(collection, id);
  }

  protected override persistCounter(counter: string, value: number): void {
    this.statements.counter.run(counter, value);
  }

  private load(): void {
    const rows = this.db
      .prepare('SELECT collection, id, owner, parents, data FROM records ORDER BY seq')
      .all() as RecordRow[];
    for (const row of rows) {
      this.collectionOf(row.collection).set(
        frozenCopy({
          collection: row.collection,
          id: row.id,
          owner: row.owner,
          parents: JSON.parse(row.parents) as Record<string, string>,
          data: JSON.parse(row.data) as Record<string, unknown>,
        }),
      );
    }

    const counters = this.db.prepare('SELECT name, value FROM counters').all() as {
      name: string;
      value: number;
    }[];
    for (const { name, value } of counters) this.counters.set(name, value);

    const max = this.db.prepare('SELECT MAX(seq) AS seq FROM records').get() as {
      seq: number | null;
    };
    this.seq = max.seq ?? 0;
  }
}
