/**
 * The resolution actions the official CLI uses to turn whatever a user typed
 * into add-ons and attachments: an add-on by id, global name or attachment
 * name (scoped to an app when one is given), an attachment by id, by name on
 * an app, or by its add-on's name. Several matches are a 422
 * `multiple_matches`; none is a 404.
 */
import { ApiError, notFound } from '../../../http/errors.js';
import type { StoredRecord } from '../../../store/store.js';
import { isVisible } from '../../access.js';
import type { BehaviourContext, BehaviourResult } from '../../context.js';
import { bodyOf, requiredString, stringAt } from '../common.js';
import { addonAnswer } from './records.js';

/** `POST /actions/addons/resolve`. */
export function resolveAddons(ctx: BehaviourContext): BehaviourResult {
  const body = bodyOf(ctx);
  const wanted = requiredString(body, 'addon');
  const app = scopeApp(ctx, stringAt(body, 'app'));
  const service = stringAt(body, 'addon_service');
  const addons = visible(ctx, 'add-on');

  let matches = addons.filter((a) => a.id === wanted || a.data.name === wanted);
  if (matches.length === 0) {
    const attached = attachmentsNamed(ctx, wanted, app);
    const ids = new Set(attached.map((a) => a.parents['add-on']));
    matches = addons.filter((a) => ids.has(a.id));
  }
  if (service !== undefined) {
    matches = matches.filter((a) => stringAt(a.data.addon_service, 'name') === service);
  }
  const found = single(matches, 'add-on', 'add-ons');
  return addonAnswer(
    ctx,
    found.map((a) => a.data),
  );
}

/** `POST /actions/addon-attachments/resolve`. */
export function resolveAttachments(ctx: BehaviourContext): BehaviourResult {
  const body = bodyOf(ctx);
  const wanted = requiredString(body, 'addon_attachment');
  const app = scopeApp(ctx, stringAt(body, 'app'));
  const service = stringAt(body, 'addon_service');

  let matches = visible(ctx, 'add-on-attachment').filter((a) => a.id === wanted);
  if (matches.length === 0) matches = attachmentsNamed(ctx, wanted, app);
  if (matches.length === 0) {
    matches = visible(ctx, 'add-on-attachment')
      .filter((a) => stringAt(a.data.addon, 'name') === wanted)
      .filter((a) => app === undefined || a.parents.app === app.id);
  }
  if (service !== undefined) {
    const { store } = ctx.services;
    matches = matches.filter((a) => {
      const addon = store.get('add-on', a.parents['add-on'] ?? '');
      return stringAt(addon?.data.addon_service, 'name') === service;
    });
  }
  return { body: single(matches, 'add-on-attachment', 'add-on attachments').map((a) => a.data) };
}

/** The app a resolution is scoped to; a 404 when it is named but not visible. */
function scopeApp(ctx: BehaviourContext, name: string | undefined): StoredRecord | undefined {
  if (name === undefined) return undefined;
  const app = visible(ctx, 'app').find((a) => a.id === name || a.data.name === name);
  if (app === undefined) throw notFound('app');
  return app;
}

function visible(ctx: BehaviourContext, collection: string): StoredRecord[] {
  const { store } = ctx.services;
  return store.find(collection).filter((r) => isVisible(store, r, ctx.account));
}

function attachmentsNamed(ctx: BehaviourContext, name: string, app: StoredRecord | undefined) {
  return visible(ctx, 'add-on-attachment')
    .filter((a) => a.data.name === name)
    .filter((a) => app === undefined || a.parents.app === app.id);
}

function single(matches: StoredRecord[], resource: string, plural: string): StoredRecord[] {
  if (matches.length === 0) throw notFound(resource);
  if (matches.length > 1) {
    const names = matches.map((m) => String(m.data.name)).join(', ');
    throw new ApiError(
      422,
      'multiple_matches',
      `Ambiguous identifier; multiple matching ${plural} found: ${names}.`,
    );
  }
  return matches;
}
