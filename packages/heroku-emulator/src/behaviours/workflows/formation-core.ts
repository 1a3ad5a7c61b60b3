/**
 * The formation: one entry per process type of the running slug, each with a
 * quantity and a dyno size. A deploy adds the slug's new types (`web` at 1, the
 * rest at 0), updates commands and drops types the slug no longer declares;
 * scaling changes quantity and size, and the dynos follow.
 */
import { randomUUID } from 'node:crypto';
import { ApiError, invalidParams } from '../../http/errors.js';
import { RELATIVE_QUANTITY } from '../../http/tolerance.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Services } from '../context.js';
import { matchFormation } from './dyno-lifecycle.js';
import { DEFAULT_DYNO_SIZE, findDynoSize, sizeRef } from './dyno-sizes.js';
import { appRef, childrenOf, isObject, save } from './records.js';

/** A change to one formation entry, as the (normalised) body gives it. */
export interface FormationChange {
  readonly quantity?: unknown;
  readonly dyno_size?: unknown;
}

/** The app's formation entries. */
export function formationOf(services: Services, app: StoredRecord): StoredRecord[] {
  return childrenOf(services.store, 'formation', app);
}

/** The entry of `type` (or with id `type`); 404 in Heroku's words when there is none. */
export function formationEntry(services: Services, app: StoredRecord, type: string) {
  const entry = formationOf(services, app).find((f) => f.data.type === type || f.id === type);
  if (entry === undefined) {
    throw new ApiError(404, 'not_found', `Couldn't find that process type (${type}).`, {
      resource: 'formation',
    });
  }
  return entry;
}

/** Makes the formation match the process types of the slug `slugId`. */
export function followSlug(services: Services, app: StoredRecord, slugId: string): void {
  const { store } = services;
  const types = store.get('slug', slugId)?.data.process_types;
  const processTypes = isObject(types) ? types : {};
  const stamp = services.now().toISOString();
  const existing = formationOf(services, app);

  for (const entry of existing) {
    if (Object.hasOwn(processTypes, String(entry.data.type))) continue;
    store.delete('formation', entry.id);
    matchFormation(services, app, String(entry.data.type), 0, null);
  }
  for (const [type, command] of Object.entries(processTypes)) {
    const entry = existing.find((f) => f.data.type === type);
    if (entry !== undefined) {
      save(store, entry, { ...entry.data, command: String(command), updated_at: stamp });
      continue;
    }
    const size = sizeRef(findDynoSize(store, DEFAULT_DYNO_SIZE));
    const data: JsonObject = {
      app: appRef(app),
      command: String(command),
      created_at: stamp,
      updated_at: stamp,
      dyno_size: size,
      id: randomUUID(),
      quantity: type === 'web' ? 1 : 0,
      size: size.name,
      type,
    };
    store.put({
      collection: 'formation',
      id: String(data.id),
      data,
      parents: { app: app.id },
      owner: app.owner,
    });
    matchFormation(services, app, type, Number(data.quantity), data);
  }
}

/** Applies `change` to `entry`, moves its dynos along, and returns the new data. */
export function scaleEntry(
  services: Services,
  app: StoredRecord,
  entry: StoredRecord,
  change: FormationChange,
): JsonObject {
  const sizeName = isObject(change.dyno_size)
    ? (change.dyno_size.name ?? change.dyno_size.id)
    : undefined;
  const size =
    typeof sizeName === 'string' ? sizeRef(findDynoSize(services.store, sizeName)) : undefined;
  const current = Number(entry.data.quantity) || 0;
  const quantity =
    change.quantity === undefined
      ? current
      : newQuantity(current, change.quantity, size?.name ?? entry.data.size);

  const data: JsonObject = {
    ...entry.data,
    quantity,
    ...(size === undefined ? {} : { dyno_size: size, size: size.name }),
    updated_at: services.now().toISOString(),
  };
  save(services.store, entry, data);
  const resized = size !== undefined && size.name !== entry.data.size;
  matchFormation(services, app, String(data.type), quantity, data, resized);
  return data;
}

/** `app[api]` wording of a formation: `web@2:Standard-1X worker@1:Basic`. */
export function describeFormation(services: Services, app: StoredRecord): string {
  return formationOf(services, app)
    .map((f) => `${String(f.data.type)}@${String(f.data.quantity)}:${displaySize(f.data.size)}`)
    .join(' ');
}

function displaySize(name: unknown): string {
  const text = String(name);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Most dynos one process type may run. Heroku caps every size per process type
 * (100 by default, less for some tiers, more on request); the emulator applies
 * 100 to every size, which also keeps a runaway quantity from making millions
 * of dyno records.
 */
export const MAX_DYNOS_PER_TYPE = 100;

/** The quantity `value` asks for, absolute or relative to `current`; 422 above the cap. */
function newQuantity(current: number, value: unknown, size: unknown): number {
  const quantity = requestedQuantity(current, value);
  if (quantity > MAX_DYNOS_PER_TYPE) {
    throw invalidParams(
      `Cannot update to more than ${MAX_DYNOS_PER_TYPE} ${displaySize(size)} size dynos ` +
        'per process type.',
    );
  }
  return quantity;
}

function requestedQuantity(current: number, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && RELATIVE_QUANTITY.test(value.trim())) {
    return Math.max(0, current + Number(value.trim()));
  }
  throw invalidParams(`Invalid quantity: ${JSON.stringify(value)}.`);
}
