/**
 * Dyno sizes from the seeded catalog. Callers spell sizes in any letter case
 * (the CLI sends `Standard-2X`, the catalog says `standard-2X`); the emulator
 * finds the catalog entry either way and stores the catalog's spelling.
 */
import { invalidParams } from '../../http/errors.js';
import type { JsonObject, Store, StoredRecord } from '../../store/store.js';

/** Size of new formation entries and one-off dynos when none is asked for. */
export const DEFAULT_DYNO_SIZE = 'basic';

/** Every size of the catalog. */
export function dynoSizes(store: Store): StoredRecord[] {
  return store.find('dyno-size').filter((size) => size.owner === null);
}

/** The catalog size named (in any case) or identified by `value`; 422 when there is none. */
export function findDynoSize(store: Store, value: string): StoredRecord {
  const wanted = value.toLowerCase();
  const found = dynoSizes(store).find(
    (size) => size.id === value || String(size.data.name).toLowerCase() === wanted,
  );
  if (found === undefined) throw invalidParams(`No such dyno size: ${value}.`);
  return found;
}

/** A `{ id, name }` reference to a size. */
export function sizeRef(size: StoredRecord): JsonObject {
  return { id: size.id, name: size.data.name };
}
