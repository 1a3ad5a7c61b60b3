/**
 * Small helpers the platform behaviours share: reading request bodies at the
 * JSON boundary, references to records, generated names, and storing records
 * that hang off an app.
 */
import { randomInt } from 'node:crypto';
import type { Account } from '../../accounts/accounts.js';
import { invalidParams } from '../../http/errors.js';
import type { JsonObject, Store, StoredRecord } from '../../store/store.js';
import type { BehaviourContext } from '../context.js';

/** True for a JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The request body as an object (`{}` when there is none). */
export function bodyOf(ctx: BehaviourContext): JsonObject {
  return isObject(ctx.body) ? ctx.body : {};
}

/** The string at `key`, or `undefined`. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const item = value[key];
  return typeof item === 'string' ? item : undefined;
}

/** A body member that names a record: a bare string, or an object with `id` or `name`. */
export function identityAt(body: JsonObject, key: string): string | undefined {
  const value = body[key];
  if (typeof value === 'string' && value !== '') return value;
  return stringAt(value, 'id') ?? stringAt(value, 'name') ?? stringAt(value, 'email');
}

/** The body member `key` as a non-empty string; 422 naming it otherwise. */
export function requiredString(body: JsonObject, key: string): string {
  const value = identityAt(body, key);
  if (value === undefined) throw invalidParams(`${key} is required.`);
  return value;
}

/** `{ id, name }` of a record. */
export function ref(record: StoredRecord): JsonObject {
  return { id: record.id, name: record.data.name ?? null };
}

/** `{ id, email }` of an account. */
export function userRef(account: Pick<Account, 'id' | 'email'>): JsonObject {
  return { id: account.id, email: account.email };
}

/** The current time as Heroku prints it. */
export function stamp(ctx: Pick<BehaviourContext, 'services'>): string {
  return ctx.services.now().toISOString();
}

/** Stores a record and returns its data. */
export function putRecord(store: Store, record: StoredRecord): JsonObject {
  store.put(record);
  return record.data;
}

/** Stores new data for an existing record and returns it. */
export function saveData(store: Store, record: StoredRecord, data: JsonObject): JsonObject {
  store.put({ ...record, data });
  return data;
}

const ADJECTIVES = [
  'sinuous',
  'curved',
  'angular',
  'rugged',
  'shallow',
  'deep',
  'solid',
  'clear',
  'flat',
  'round',
  'rigid',
  'opaque',
  'cubic',
  'spherical',
  'tetrahedral',
  'fluffy',
  'silent',
  'graceful',
  'horizontal',
  'vertical',
  'concentric',
  'symmetrical',
  'transparent',
  'aerodynamic',
];

const NOUNS = [
  'river',
  'ocean',
  'peak',
  'ridge',
  'meadow',
  'harbor',
  'island',
  'canyon',
  'forest',
  'glacier',
  'lake',
  'valley',
  'plateau',
  'summit',
  'reef',
  'dune',
  'grove',
  'cove',
  'bluff',
  'shore',
];

/** A random element of `items`. */
export function pick(items: readonly string[]): string {
  return items[randomInt(items.length)] ?? items[0] ?? '';
}

/** A random adjective of Heroku's generated names. */
export function adjective(): string {
  return pick(ADJECTIVES);
}

/** A random noun of Heroku's generated names. */
export function noun(): string {
  return pick(NOUNS);
}

/** `n` random decimal digits. */
export function digits(n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += String(randomInt(10));
  return out;
}
