/**
 * The generic, schema-driven behaviour that serves every link without a
 * handler of its own: create, info, list, update and delete over the store,
 * decided by the link's method, its slots and whether it returns a list.
 */
import { createHash } from 'node:crypto';
import { invalidParams } from '../http/errors.js';
import type { ObjectShape } from '../schema/shape.js';
import type { JsonObject, StoredRecord } from '../store/store.js';
import { isVisible } from './access.js';
import type { BehaviourContext, BehaviourResult } from './context.js';
import { collectionForProperty, mergeBody, newData, objectShape, uniqueValue } from './records.js';
import type { Resolved } from './resolve.js';

/** The request as the generic behaviour needs it. */
interface Request {
  readonly ctx: BehaviourContext;
  readonly collection: string;
  readonly shape: ObjectShape | undefined;
  /** The record the last slot names, when it is of the link's own resource. */
  readonly own: StoredRecord | undefined;
  /** The other records named by the path. */
  readonly parents: StoredRecord[];
}

/** Serves `ctx` generically; `resolved` holds the records its slots named. */
export function serveGeneric(ctx: BehaviourContext, resolved: Resolved): BehaviourResult {
  const { link, services } = ctx;
  const last = link.slots[link.slots.length - 1];
  const lastRecord = last === undefined ? undefined : resolved.get(last.name);
  const own = lastRecord?.collection === link.resource ? lastRecord : undefined;
  const shapes = services.shapes[link.resource];
  const request: Request = {
    ctx,
    collection: link.resource,
    shape: objectShape(shapes?.resource ?? shapes?.targets[link.id]),
    own,
    parents: [...resolved.values()].filter((r) => r !== own),
  };

  const empty = link.rel === 'empty';
  switch (link.method.toUpperCase()) {
    case 'GET':
      if (link.list) return { body: list(request) };
      return { body: own?.data ?? singleton(request, false).data };
    case 'DELETE':
      if (own !== undefined) return { body: empty ? {} : remove(request, own) };
      return { body: empty ? {} : removeSingleton(request) };
    case 'PATCH':
    case 'PUT':
      if (own !== undefined) return { body: update(request, own) };
      if (link.list) return { body: updateMany(request) };
      return { body: update(request, singleton(request, true)) };
    default:
      if (empty) return { body: {} };
      if (own !== undefined)
        return { body: ctx.body === undefined ? own.data : update(request, own) };
      if (link.list && link.rel !== 'create') return { body: list(request) };
      if (link.list) return { body: [create(request, ctx.body).data] };
      return { body: create(request, ctx.body).data };
  }
}

/** Records of the collection under the path's parents that the caller may see. */
function scoped(request: Request): StoredRecord[] {
  const { store } = request.ctx.services;
  return store
    .find(request.collection)
    .filter((record) =>
      request.parents.every(
        (p) => p.collection === 'account' || record.parents[p.collection] === p.id,
      ),
    )
    .filter((record) => isVisible(store, record, request.ctx.account));
}

function list(request: Request): JsonObject[] {
  return scoped(request).map((record) => record.data);
}

/** The one record of a per-parent resource (config vars, ACM, ...), made on demand. */
function singleton(request: Request, persist: boolean): StoredRecord {
  const { ctx } = request;
  const existing = scoped(request).find(
    (r) => request.parents.length > 0 || r.owner === ctx.account.id,
  );
  if (existing !== undefined) return existing;

  const { store } = ctx.services;
  const data = newData(store, request.shape, request.parents, ctx.account, ctx.services.now());
  const key = [request.collection, ctx.account.id, ...request.parents.map((p) => p.id)].join(':');
  const id = uuidFrom(key);
  if (Object.hasOwn(data, 'id')) data.id = id;
  const record = {
    collection: request.collection,
    id,
    data,
    parents: parentIds(request),
    owner: ctx.account.id,
  };
  if (persist) store.put(record);
  return record;
}

function create(request: Request, body: unknown): StoredRecord {
  const { ctx, collection, shape } = request;
  const { store } = ctx.services;
  const data = newData(store, shape, request.parents, ctx.account, ctx.services.now());

  const given = isObject(body) ? body : {};
  for (const key of identityKeys(request)) {
    if (!Object.hasOwn(given, key) && typeof data[key] === 'string')
      data[key] = uniqueValue(data[key]);
  }
  mergeBody(store, data, body, shape);

  const id =
    typeof data.id === 'string' && data.id !== '' ? data.id : uuidFrom(String(Math.random()));
  const record = { collection, id, data, parents: parentIds(request, data), owner: ctx.account.id };
  rejectDuplicates(request, record);
  store.put(record);
  return record;
}

function update(request: Request, current: StoredRecord): JsonObject {
  const { ctx } = request;
  const data = mergeBody(ctx.services.store, { ...current.data }, ctx.body, request.shape);
  if (request.shape !== undefined && Object.hasOwn(request.shape.props, 'updated_at')) {
    data.updated_at = ctx.services.now().toISOString();
  }
  const record = { ...current, data };
  rejectDuplicates(request, record);
  ctx.services.store.put(record);
  return data;
}

/** Batch updates (`{updates: [...]}`) and whole-list replacements (PUT). */
function updateMany(request: Request): JsonObject[] {
  const { ctx } = request;
  const body = isObject(ctx.body) ? ctx.body : {};
  const items =
    Object.values(body).find(Array.isArray) ?? (Array.isArray(ctx.body) ? ctx.body : []);
  const existing = scoped(request);

  if (ctx.link.method.toUpperCase() === 'PUT') {
    for (const record of existing) ctx.services.store.delete(record.collection, record.id);
    return items.map((item: unknown) => create(request, item).data);
  }
  return items.map((item: unknown) => {
    const match = existing.find((r) => sameIdentity(request, r, item));
    if (match === undefined) return create(request, item).data;
    return update({ ...request, ctx: { ...ctx, body: item } }, match);
  });
}

function remove(request: Request, record: StoredRecord): JsonObject {
  const { store } = request.ctx.services;
  removeTree(request, record);
  return record.data;
  function removeTree(_: Request, target: StoredRecord): void {
    store.delete(target.collection, target.id);
    for (const collection of store.collections()) {
      for (const child of store.find(collection, { parents: { [target.collection]: target.id } })) {
        removeTree(_, child);
      }
    }
  }
}

function removeSingleton(request: Request): JsonObject {
  const record = singleton(request, false);
  request.ctx.services.store.delete(record.collection, record.id);
  return record.data;
}

/** Identity keys that name one record alone (a version or a stage does not). */
const UNIQUE_KEYS = new Set(['name', 'hostname', 'email', 'fingerprint']);

/** Unique keys a slot may name this resource by. */
function identityKeys(request: Request): string[] {
  const keys = new Set<string>();
  for (const link of request.ctx.services.routes) {
    for (const slot of link.slots) {
      if (slot.resource !== request.collection) continue;
      for (const key of slot.keys) if (UNIQUE_KEYS.has(key)) keys.add(key);
    }
  }
  return [...keys].filter(
    (key) => request.shape === undefined || Object.hasOwn(request.shape.props, key),
  );
}

/** 422 when another record under the same parents already has an identity value. */
function rejectDuplicates(request: Request, record: StoredRecord): void {
  const { store } = request.ctx.services;
  for (const key of identityKeys(request)) {
    const value = record.data[key];
    if (value === undefined || value === null || typeof value === 'object') continue;
    const clash = store
      .find(record.collection)
      .some(
        (other) =>
          other.id !== record.id &&
          other.data[key] === value &&
          Object.entries(record.parents).every(([res, id]) => other.parents[res] === id),
      );
    if (clash) throw invalidParams(`${capitalise(key)} is already taken.`);
  }
}

function sameIdentity(request: Request, record: StoredRecord, item: unknown): boolean {
  if (!isObject(item)) return false;
  return ['id', ...identityKeys(request)].some(
    (key) => item[key] !== undefined && String(item[key]) === String(record.data[key]),
  );
}

/** Parent ids from the path and from reference properties set by the body. */
function parentIds(request: Request, data: JsonObject = {}): Record<string, string> {
  const parents: Record<string, string> = {};
  const { store } = request.ctx.services;
  for (const [key, value] of Object.entries(data)) {
    const target = collectionForProperty(key);
    if (target === 'account' || target === request.collection || !isObject(value)) continue;
    if (typeof value.id === 'string' && store.get(target, value.id) !== undefined) {
      parents[target] = value.id;
    }
  }
  for (const parent of request.parents) {
    if (parent.collection !== 'account') parents[parent.collection] = parent.id;
  }
  return parents;
}

/** A UUID-formatted digest of `text`, stable for the same input. */
export function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function capitalise(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
