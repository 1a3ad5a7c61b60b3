/**
 * Picks the store: SQLite when a data file is given, else memory.
 */
import { MemoryStore } from './memory.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export { MemoryStore } from './memory.js';
export { SqliteStore } from './sqlite.js';
export * from './store.js';

/** Opens the store for `dataFile`, or an in-memory one when it is undefined. */
export function openStore(dataFile?: string): Store {
  return dataFile === undefined ? new MemoryStore() : new SqliteStore(dataFile);
}
