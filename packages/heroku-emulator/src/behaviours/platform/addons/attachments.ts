/**
 * Attaching an add-on to an app and detaching it. An attachment makes the
 * add-on's config vars appear on the app under the attachment's name
 * (`DATABASE_URL` for `DATABASE`), in a release "Attach DATABASE
 * (@ref:postgresql-sinuous-83720)"; detaching removes them in a release
 * "Detach ...".
 */
import { randomUUID } from 'node:crypto';
import type { Account } from '../../../accounts/accounts.js';
import { invalidParams } from '../../../http/errors.js';
import type { JsonObject, StoredRecord } from '../../../store/store.js';
import type { Services } from '../../context.js';
import { changeAppConfig } from '../app-config.js';
import { ref } from '../common.js';
import { addonValues, attachmentsOnApp } from './records.js';
import { configNames, defaultAttachmentName } from './services.js';

/** Attachment names: a letter, then letters, digits and underscores. */
const ATTACHMENT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Names of the attachments on an app. */
export function attachmentNames(services: Services, app: StoredRecord): Set<string> {
  return new Set(attachmentsOnApp(services.store, app.id).map((a) => String(a.data.name)));
}

/** The name a new attachment gets: the one asked for (checked), or the service's default. */
export function chooseAttachmentName(
  services: Services,
  app: StoredRecord,
  serviceName: string,
  asked: string | undefined,
): string {
  const taken = attachmentNames(services, app);
  if (asked === undefined) return defaultAttachmentName(serviceName, taken);
  if (!ATTACHMENT_NAME.test(asked)) {
    throw invalidParams(
      'Name must start with a letter and can only contain letters, numbers, and underscores.',
    );
  }
  const name = asked.toUpperCase();
  if (taken.has(name)) throw invalidParams(`Name ${name} is already used on ${app.data.name}.`);
  return name;
}

/** Attaches `addon` to `app` as `name`, sets its config vars there and makes a release. */
export function attach(
  services: Services,
  user: Account,
  addon: StoredRecord,
  app: StoredRecord,
  name: string,
): StoredRecord {
  const stamp = services.now().toISOString();
  const owningApp = addon.data.app as JsonObject;
  const data: JsonObject = {
    addon: { id: addon.id, name: addon.data.name, app: owningApp },
    app: ref(app),
    created_at: stamp,
    id: randomUUID(),
    log_input_url: null,
    name,
    namespace: null,
    updated_at: stamp,
    web_url: `https://addons-sso.heroku.com/apps/${app.id}/addons/${addon.id}`,
  };
  const attachment: StoredRecord = {
    collection: 'add-on-attachment',
    id: String(data.id),
    data,
    parents: { app: app.id, 'add-on': addon.id },
    owner: app.owner,
  };
  services.store.put(attachment);

  const values = addonValues(services.store, addon.id);
  const change: Record<string, string> = {};
  for (const [suffix, value] of Object.entries(values)) change[`${name}_${suffix}`] = value;
  changeAppConfig(services, app, user, change, `Attach ${name} (@ref:${addon.data.name})`);
  return attachment;
}

/** Removes an attachment and its config vars from its app, with a release. */
export function detach(services: Services, user: Account, attachment: StoredRecord): void {
  const { store } = services;
  store.delete(attachment.collection, attachment.id);
  const app = store.get('app', attachment.parents.app ?? '');
  const addonId = attachment.parents['add-on'] ?? '';
  if (app === undefined) return;
  const name = String(attachment.data.name);
  const change: Record<string, null> = {};
  for (const key of configNames(name, addonValues(store, addonId))) change[key] = null;
  const addonName = (attachment.data.addon as JsonObject | undefined)?.name;
  changeAppConfig(services, app, user, change, `Detach ${name} (@ref:${String(addonName)})`);
}
