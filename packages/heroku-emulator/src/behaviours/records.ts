/**
 * Builds and changes records the generic way: a new record starts from the
 * resource shape's examples, gets a fresh id and timestamps, points at the
 * parents named in its path and at the caller as owner, and takes the body's
 * values for the properties the shape declares.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Account } from '../accounts/accounts.js';
import type { ObjectShape, Shape } from '../schema/shape.js';
import { exampleOf } from '../shapes/example.js';
import { ownValue, setOwn } from '../shapes/own-members.js';
import type { JsonObject, Store, StoredRecord } from '../store/store.js';

/** Properties whose value references a record of another collection. */
const REFERENCES: Readonly<Record<string, string>> = {
  build_stack: 'stack',
  addon_service: 'add-on-service',
  addon: 'add-on',
  owner: 'account',
  user: 'account',
};

/** The collection a property of that name refers to. */
export function collectionForProperty(key: string): string {
  return REFERENCES[key] ?? key.replace(/_/g, '-');
}

/** The object shape of a resource or target, or `undefined` when it is not an object. */
export function objectShape(shape: Shape | undefined): ObjectShape | undefined {
  if (shape?.t === 'object') return shape;
  if (shape?.t === 'array') return objectShape(shape.items);
  if (shape?.t === 'union') return objectShape(shape.of.find((alt) => alt.t === 'object'));
  return undefined;
}

/** A fresh record's data from the shape's examples, with parents and caller filled in. */
export function newData(
  store: Store,
  shape: ObjectShape | undefined,
  parents: readonly StoredRecord[],
  account: Account,
  now: Date,
): JsonObject {
  const data = (shape === undefined ? {} : exampleOf(shape)) as JsonObject;
  const props = shape?.props ?? {};
  if (Object.hasOwn(props, 'id') || shape === undefined) data.id = randomUUID();
  if (Object.hasOwn(props, 'created_at')) data.created_at = now.toISOString();
  if (Object.hasOwn(props, 'updated_at')) data.updated_at = now.toISOString();

  for (const [key, prop] of Object.entries(props)) {
    const target = collectionForProperty(key);
    const parent = parents.find((p) => p.collection === target);
    const caller = target === 'account' ? store.get('account', account.id) : undefined;
    const catalog = prop.t === 'object' ? catalogMatch(store, target, data[key]) : undefined;
    const source = parent ?? caller ?? catalog;
    if (source !== undefined && prop.t === 'object') data[key] = project(source.data, prop);
  }
  return data;
}

/** Merges body values into `data` for the properties the shape declares. */
export function mergeBody(
  store: Store,
  data: JsonObject,
  body: unknown,
  shape: ObjectShape | undefined,
): JsonObject {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return data;
  const props = shape?.props ?? {};
  const freeForm = shape === undefined || Object.keys(props).length === 0;

  for (const [key, value] of Object.entries(body)) {
    // Body keys are the caller's: `constructor` or `__proto__` must not find Object's members.
    const prop = ownValue(props, key) as Shape | undefined;
    if (prop === undefined) {
      if (freeForm) setOwn(data, key, value);
      continue;
    }
    const current = ownValue(data, key);
    if (prop.t === 'object' && typeof value === 'string') {
      setOwn(data, key, reference(store, key, value, prop));
    } else if (prop.t === 'object' && isObject(value) && isObject(current)) {
      setOwn(data, key, mergeBody(store, { ...current }, value, prop));
    } else {
      setOwn(data, key, value);
    }
  }
  return data;
}

/** A reference property given as a bare id or name (`"region": "eu"`). */
function reference(store: Store, key: string, value: string, shape: ObjectShape): JsonObject {
  const target = collectionForProperty(key);
  const found = store
    .find(target)
    .find((r) => [r.id, r.data.id, r.data.name, r.data.email].includes(value));
  if (found !== undefined) return project(found.data, shape);

  const fallback = exampleOf(shape) as JsonObject;
  if (Object.hasOwn(shape.props, 'name')) fallback.name = value;
  else if (Object.hasOwn(shape.props, 'id')) fallback.id = value;
  return fallback;
}

/** The members of `source` that `shape` declares. */
export function project(source: JsonObject, shape: ObjectShape): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(shape.props)) {
    if (Object.hasOwn(source, key)) setOwn(out, key, source[key]);
  }
  return out;
}

/** A catalog record named like the example value, so defaults point at real rows. */
function catalogMatch(store: Store, collection: string, example: unknown) {
  if (!isObject(example) || typeof example.name !== 'string') return undefined;
  return store.find(collection).find((r) => r.owner === null && r.data.name === example.name);
}

/** A value for an identity key the caller left out, unique enough not to collide. */
export function uniqueValue(example: unknown): string {
  const base = typeof example === 'string' && example !== '' ? example : 'item';
  return `${base}-${randomBytes(3).toString('hex')}`;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
