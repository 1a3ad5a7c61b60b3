/**
 * Buildpack installations: the ordered buildpacks an app's next build uses.
 * `PUT` replaces the whole list (`heroku buildpacks:set` and `:add` send the
 * full list); each entry may be a registry name (`heroku/nodejs`), a URL or a
 * `urn:buildpack:` name, and is answered as given, with its position.
 */
import { invalidParams } from '../../http/errors.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../context.js';
import { bodyOf, isObject } from './common.js';

/** Buildpack installation handlers by link id. */
export const buildpackBehaviours: Readonly<Record<string, Behaviour>> = {
  'buildpack-installation.update': replaceInstallations,
  'buildpack-installation.list': listInstallations,
};

const COLLECTION = 'buildpack-installation';

function replaceInstallations(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const app = ctx.resolve('app_id_or_name');
  const updates = bodyOf(ctx).updates;
  if (!Array.isArray(updates)) throw invalidParams('updates must be an array.');
  const buildpacks = updates.map((update, i) => {
    const value = isObject(update) ? update.buildpack : undefined;
    if (typeof value !== 'string' || value.trim() === '') {
      throw invalidParams(`updates[${i}].buildpack must name a buildpack.`);
    }
    return value.trim();
  });

  for (const old of installationsOf(ctx, app.id)) store.delete(COLLECTION, old.id);
  const answer = buildpacks.map((buildpack, ordinal) => {
    const data: JsonObject = { buildpack: { url: buildpack, name: buildpack }, ordinal };
    store.put({
      collection: COLLECTION,
      id: `${app.id}:${ordinal}`,
      data,
      parents: { app: app.id },
      owner: app.owner,
    });
    return data;
  });
  return { body: answer };
}

function listInstallations(ctx: BehaviourContext): BehaviourResult {
  const app = ctx.resolve('app_id_or_name');
  return { body: installationsOf(ctx, app.id).map((record) => record.data) };
}

function installationsOf(ctx: BehaviourContext, appId: string): StoredRecord[] {
  return ctx.services.store
    .find(COLLECTION, { parents: { app: appId } })
    .sort((a, b) => Number(a.data.ordinal) - Number(b.data.ordinal));
}
