/**
 * Fills a new store with catalog data and the configured accounts. Existing
 * records are left alone, so a store reopened with `--data` keeps its edits.
 */
import type { Account } from '../accounts/accounts.js';
import type { ShapeIndex } from '../behaviours/context.js';
import { uuidFrom } from '../behaviours/generic.js';
import { objectShape, project } from '../behaviours/records.js';
import { exampleOf } from '../shapes/example.js';
import type { JsonObject, Store, StoredRecord } from '../store/store.js';
import * as catalog from './catalog-data.js';

/** Fixed date for catalog rows, so their ETags stay the same across runs. */
const CATALOG_DATE = '2024-01-01T00:00:00Z';

/** Seeds catalog collections and one account record per configured account. */
export function seedStore(
  store: Store,
  shapes: ShapeIndex,
  accounts: readonly Account[],
  now: Date,
) {
  store.transaction(() => {
    seedRows(store, shapes, 'region', catalog.regions);
    seedRows(store, shapes, 'stack', catalog.stacks);
    seedRows(store, shapes, 'dyno-size', catalog.dynoSizes);
    seedRows(store, shapes, 'add-on-service', catalog.addOnServices);
    seedRows(store, shapes, 'account-feature', catalog.accountFeatures);
    seedRows(store, shapes, 'app-feature', catalog.appFeatures);
    seedPlans(store, shapes);
    for (const account of accounts) seedAccount(store, shapes, account, now);
  });
}

function seedRows(store: Store, shapes: ShapeIndex, collection: string, rows: catalog.CatalogRows) {
  for (const row of rows) put(store, shapes, collection, row, {});
}

function seedPlans(store: Store, shapes: ShapeIndex) {
  const planShape = objectShape(shapes.plan?.resource);
  for (const { service, ...row } of catalog.plans) {
    const serviceRecord = store.find('add-on-service').find((r) => r.data.name === service);
    if (serviceRecord === undefined) continue;
    const serviceShape = objectShape(planShape?.props.addon_service);
    const ref =
      serviceShape === undefined ? serviceRecord.data : project(serviceRecord.data, serviceShape);
    put(
      store,
      shapes,
      'plan',
      { ...row, addon_service: ref },
      { 'add-on-service': serviceRecord.id },
    );
  }
}

function put(
  store: Store,
  shapes: ShapeIndex,
  collection: string,
  row: Readonly<Record<string, unknown>>,
  parents: Record<string, string>,
): StoredRecord | undefined {
  const id = uuidFrom(`${collection}:${String(row.name)}`);
  if (store.get(collection, id) !== undefined) return undefined;
  const record: StoredRecord = {
    collection,
    id,
    data: {
      ...base(shapes, collection),
      id,
      created_at: CATALOG_DATE,
      updated_at: CATALOG_DATE,
      ...row,
    },
    parents,
    owner: null,
  };
  store.put(record);
  return record;
}

function seedAccount(store: Store, shapes: ShapeIndex, account: Account, now: Date) {
  if (store.get('account', account.id) !== undefined) return;
  const stamp = now.toISOString();
  store.put({
    collection: 'account',
    id: account.id,
    owner: account.id,
    parents: {},
    data: {
      ...base(shapes, 'account'),
      id: account.id,
      email: account.email,
      name: account.name,
      created_at: stamp,
      updated_at: stamp,
      last_login: stamp,
      suspended_at: null,
      delinquent_at: null,
      eco_dynos_shutdown_at: null,
      default_organization: null,
      default_team: null,
      identity_provider: null,
      sms_number: null,
      verified: true,
    },
  });
}

function base(shapes: ShapeIndex, collection: string): JsonObject {
  const shape = objectShape(shapes[collection]?.resource);
  return shape === undefined ? {} : (exampleOf(shape) as JsonObject);
}
