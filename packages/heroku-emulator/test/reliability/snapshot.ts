/**
 * A comparable picture of an emulator's state, to prove that requests left it
 * untouched.
 */
import type { Store } from '../../src/index.js';

/** Every record (except those `skip` names) as sorted JSON lines. */
export function snapshot(store: Store, skip: (owner: string | null) => boolean = () => false) {
  const lines: string[] = [];
  for (const collection of store.collections().sort()) {
    for (const record of store.find(collection)) {
      if (skip(record.owner)) continue;
      lines.push(JSON.stringify([record.collection, record.id, record.owner, record.data]));
    }
  }
  return lines.sort();
}
