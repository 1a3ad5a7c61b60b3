/**
 * Add-ons and their attachments with Heroku's semantics: provisioning, config
 * vars and releases on attach and detach, global names, resolution actions,
 * and `Accept-Expansion` of the plan and service.
 */
import { notFound } from '../../../http/errors.js';
import { isVisible } from '../../access.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../../context.js';
import { bodyOf, requiredString, stringAt } from '../common.js';
import { attach, chooseAttachmentName, detach } from './attachments.js';
import { createAddon, deleteAddon, updateAddon } from './lifecycle.js';
import { addonAnswer, addonsOfApp, serviceOf } from './records.js';
import { resolveAddons, resolveAttachments } from './resolve.js';

/** Add-on and attachment handlers by link id. */
export const addonBehaviours: Readonly<Record<string, Behaviour>> = {
  'add-on.create': createAddon,
  'add-on.update': updateAddon,
  'add-on.delete': deleteAddon,
  'add-on.info': infoAddon,
  'add-on.infoByApp': infoAddon,
  'add-on.list': listAddons,
  'add-on.listByUser': listAddons,
  'add-on.listByApp': listAppAddons,
  'add-on.resolution': resolveAddons,
  'add-on-attachment.create': createAttachment,
  'add-on-attachment.delete': deleteAttachment,
  'add-on-attachment.resolution': resolveAttachments,
};

function infoAddon(ctx: BehaviourContext): BehaviourResult {
  return addonAnswer(ctx, ctx.resolve('add_on_id_or_name').data);
}

function listAddons(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const addons = store.find('add-on').filter((a) => isVisible(store, a, ctx.account));
  return addonAnswer(
    ctx,
    addons.map((a) => a.data),
  );
}

function listAppAddons(ctx: BehaviourContext): BehaviourResult {
  const app = ctx.resolve('app_id_or_name');
  return addonAnswer(
    ctx,
    addonsOfApp(ctx.services.store, app.id).map((a) => a.data),
  );
}

/** `POST /addon-attachments`: attach an existing add-on to another (or the same) app. */
function createAttachment(ctx: BehaviourContext): BehaviourResult {
  const { services } = ctx;
  const { store } = services;
  const body = bodyOf(ctx);
  const addonId = requiredString(body, 'addon');
  const appId = requiredString(body, 'app');
  const seen = (collection: string, value: string) =>
    store
      .find(collection)
      .find((r) => (r.id === value || r.data.name === value) && isVisible(store, r, ctx.account));
  const addon = seen('add-on', addonId);
  if (addon === undefined) throw notFound('add-on');
  const app = seen('app', appId);
  if (app === undefined) throw notFound('app');

  const plan = store.get('plan', addon.parents.plan ?? '');
  const serviceName =
    plan === undefined
      ? String(stringAt(addon.data.addon_service, 'name'))
      : String(serviceOf(store, plan).data.name);
  const name = chooseAttachmentName(services, app, serviceName, stringAt(body, 'name'));
  const attachment = attach(services, ctx.account, addon, app, name);
  return { status: 201, body: attachment.data };
}

/** `DELETE /addon-attachments/{id}`. */
function deleteAttachment(ctx: BehaviourContext): BehaviourResult {
  const attachment = ctx.resolve('add_on_attachment_id');
  detach(ctx.services, ctx.account, attachment);
  return { body: attachment.data };
}
