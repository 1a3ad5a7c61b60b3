/**
 * The emulator's state: records grouped in collections (one per schema resource),
 * each with the account that owns it and the parents it hangs off. Two
 * implementations share this interface: in memory (the default) and SQLite.
 *
 * The interface is synchronous on purpose: a request's writes happen inside one
 * `transaction`, which either applies all of them or none, so a failure half-way
 * through a request never leaves half-written state behind.
 */

/** A JSON object as stored. */
export type JsonObject = { [key: string]: unknown };

/** One stored record. */
export interface StoredRecord {
  /** Collection name, normally the schema resource (`app`, `config-var`, ...). */
  readonly collection: string;
  /** Unique within the collection. */
  readonly id: string;
  /** The resource's properties, as served (before shape serialisation). */
  readonly data: JsonObject;
  /** Ids of the records this one hangs off, by resource: `{ app: '…' }`. */
  readonly parents: Readonly<Record<string, string>>;
  /** Owning account id; `null` for catalog data every account sees. */
  readonly owner: string | null;
}

/** Narrows `find` to records with these parents and/or owner. */
export interface RecordFilter {
  readonly parents?: Readonly<Record<string, string>>;
  readonly owner?: string | null;
}

/** Where the emulator keeps its state. */
export interface Store {
  /** The record, or `undefined`. Records are frozen: change one with `put`. */
  get(collection: string, id: string): StoredRecord | undefined;

  /** Records of a collection matching the filter, oldest first (frozen). */
  find(collection: string, filter?: RecordFilter): StoredRecord[];

  /**
   * Records of a collection where one of the properties `keys` is a string,
   * number or boolean spelling `value` (`String(data[key]) === value`), oldest
   * first (frozen). Meant for identity lookups: an app by id or name, a domain
   * by hostname; indexed, so it costs the size of the answer.
   */
  findBy(collection: string, keys: readonly string[], value: string): StoredRecord[];

  /**
   * The first record of a collection (oldest first) that passes `test`, or
   * `undefined`; stops at the first match.
   */
  findOne(collection: string, test: (record: StoredRecord) => boolean): StoredRecord | undefined;

  /**
   * A number that changes whenever a record of the collection is written or
   * deleted (rolled-back writes included) and never comes back to an earlier
   * value: what was derived from a collection stays valid while it holds.
   */
  revision(collection: string): number;

  /** Inserts or replaces a record. */
  put(record: StoredRecord): void;

  /** Removes a record; returns false when it was not there. */
  delete(collection: string, id: string): boolean;

  /** Names of the collections holding at least one record at some point. */
  collections(): string[];

  /** The next value (1, 2, ...) of a named counter, e.g. an app's release versions. */
  next(counter: string): number;

  /**
   * Runs `fn` so that all its writes apply together or, when it throws, not at
   * all. Nested calls join the outer transaction.
   */
  transaction<T>(fn: () => T): T;

  /** Releases the underlying resources. */
  close(): void;
}

/** True when `record` matches `filter`. */
export function matchesFilter(record: StoredRecord, filter: RecordFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (filter.owner !== undefined && record.owner !== filter.owner) return false;
  for (const [resource, id] of Object.entries(filter.parents ?? {})) {
    if (record.parents[resource] !== id) return false;
  }
  return true;
}
