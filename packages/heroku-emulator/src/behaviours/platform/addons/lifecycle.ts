/**
 * Provisioning, changing and destroying add-ons. A new add-on gets a globally
 * unique name (`postgresql-sinuous-83720` unless one is given), is attached to
 * its app at once (config vars and a release), answers `provisioning`, and
 * turns `provisioned` shortly after. Destroying detaches it everywhere and
 * answers it `deprovisioned`.
 */
import { randomUUID } from 'node:crypto';
import { invalidParams } from '../../../http/errors.js';
import type { JsonObject, Store, StoredRecord } from '../../../store/store.js';
import type { BehaviourContext, BehaviourResult } from '../../context.js';
import {
  adjective,
  bodyOf,
  digits,
  identityAt,
  ref,
  requiredString,
  saveData,
  stringAt,
} from '../common.js';
import { attach, chooseAttachmentName, detach } from './attachments.js';
import {
  addonAnswer,
  attachmentsOfAddon,
  dropAddonValues,
  findPlan,
  serviceOf,
  storeAddonValues,
} from './records.js';
import { configNames, namePrefix, provisionConfig } from './services.js';

/** How long an add-on stays `provisioning`. */
export const ADDON_PROVISION_MS = 50;

/** Add-on names: a letter, then letters, digits, `_` and `-`. */
const ADDON_NAME = /^[a-zA-Z][A-Za-z0-9_-]+$/;

/** `POST /apps/{app}/addons`. */
export function createAddon(ctx: BehaviourContext): BehaviourResult {
  const { services } = ctx;
  const { store } = services;
  const app = ctx.resolve('app_id_or_name');
  const body = bodyOf(ctx);
  const plan = findPlan(store, requiredString(body, 'plan'));
  const service = serviceOf(store, plan);
  const serviceName = String(service.data.name);
  const name = addonName(store, stringAt(body, 'name'), serviceName);
  const attachmentName = chooseAttachmentName(
    services,
    app,
    serviceName,
    stringAt(body.attachment, 'name'),
  );

  const stamp = services.now().toISOString();
  const values = provisionConfig(serviceName);
  const price = (plan.data.price ?? {}) as JsonObject;
  const data: JsonObject = {
    actions: [],
    addon_service: ref(service),
    app: ref(app),
    billed_price: { cents: price.cents ?? 0, contract: false, metered: false, unit: 'month' },
    billing_entity: { id: app.id, name: app.data.name, type: 'app' },
    config_vars: configNames(attachmentName, values),
    created_at: stamp,
    id: randomUUID(),
    name,
    plan: ref(plan),
    provider_id: randomUUID(),
    provision_message: null,
    state: 'provisioning',
    updated_at: stamp,
    web_url: null,
  };
  data.web_url = `https://addons-sso.heroku.com/apps/${app.id}/addons/${data.id}`;
  const addon: StoredRecord = {
    collection: 'add-on',
    id: String(data.id),
    data,
    parents: { app: app.id, 'add-on-service': service.id, plan: plan.id },
    owner: app.owner,
  };
  store.put(addon);
  storeAddonValues(store, addon, values);
  attach(services, ctx.account, addon, app, attachmentName);

  services.defer(() => {
    const current = store.get('add-on', addon.id);
    if (current === undefined || current.data.state !== 'provisioning') return;
    const now = services.now().toISOString();
    saveData(store, current, { ...current.data, state: 'provisioned', updated_at: now });
  }, ADDON_PROVISION_MS);

  return addonAnswer(ctx, data, 201);
}

/** `PATCH /apps/{app}/addons/{addon}`: change the plan and/or the name. */
export function updateAddon(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const addon = ctx.resolve('add_on_id_or_name');
  const body = bodyOf(ctx);
  const data: JsonObject = { ...addon.data, updated_at: ctx.services.now().toISOString() };

  const planIdentity = identityAt(body, 'plan');
  if (planIdentity !== undefined) {
    const plan = findPlan(store, planIdentity);
    if (serviceOf(store, plan).id !== addon.parents['add-on-service']) {
      throw invalidParams('The plan must belong to the same add-on service.');
    }
    const price = (plan.data.price ?? {}) as JsonObject;
    data.plan = ref(plan);
    data.billed_price = { cents: price.cents ?? 0, contract: false, metered: false, unit: 'month' };
  }
  const newName = stringAt(body, 'name');
  if (newName !== undefined && newName !== addon.data.name) {
    data.name = addonName(store, newName, '');
    for (const attachment of attachmentsOfAddon(store, addon.id)) {
      const addonRef = { ...(attachment.data.addon as JsonObject), name: newName };
      saveData(store, attachment, { ...attachment.data, addon: addonRef });
    }
  }
  saveData(store, addon, data);
  return addonAnswer(ctx, data);
}

/** `DELETE /apps/{app}/addons/{addon}`: detach everywhere, then deprovision. */
export function deleteAddon(ctx: BehaviourContext): BehaviourResult {
  const { services } = ctx;
  const addon = ctx.resolve('add_on_id_or_name');
  for (const attachment of attachmentsOfAddon(services.store, addon.id)) {
    detach(services, ctx.account, attachment);
  }
  services.store.delete(addon.collection, addon.id);
  dropAddonValues(services.store, addon.id);
  const data = { ...addon.data, state: 'deprovisioned', updated_at: services.now().toISOString() };
  return addonAnswer(ctx, data);
}

/** A given name checked for its pattern and global uniqueness, or a generated one. */
function addonName(store: Store, given: string | undefined, serviceName: string): string {
  const taken = (name: string) => store.find('add-on').some((a) => a.data.name === name);
  if (given !== undefined) {
    if (!ADDON_NAME.test(given)) {
      throw invalidParams(
        'Name must start with a letter and can only contain letters, numbers, underscores, and dashes.',
      );
    }
    if (taken(given)) throw invalidParams(`Name ${given} is already taken.`);
    return given;
  }
  for (;;) {
    const name = `${namePrefix(serviceName)}-${adjective()}-${digits(5)}`;
    if (!taken(name)) return name;
  }
}
