/**
 * Slugs: `POST /apps/{app}/slugs` records a slug with its process types (the
 * caller then releases it); builds make slugs the same way. Slug info keeps
 * the generic behaviour.
 */
import { randomUUID } from 'node:crypto';
import { setOwn } from '../../shapes/own-members.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, Services } from '../context.js';
import { catalogEntry } from './app-record.js';
import { isObject, stringAt } from './records.js';

/** What a slug is made of. */
export interface SlugInput {
  readonly processTypes: Readonly<Record<string, string>>;
  readonly checksum?: string | null;
  readonly commit?: string | null;
  readonly commitDescription?: string | null;
  readonly description?: string | null;
  readonly size?: number | null;
  /** Stack id or name; the app's build stack when omitted. */
  readonly stack?: string;
}

/** Where slug blobs would be uploaded; the emulator keeps no blob store, so nothing answers. */
const BLOB_HOST = 'https://slug-blobs.heroku-emulator.invalid';

/** Stores a new slug of `app`. */
export function createSlug(services: Services, app: StoredRecord, input: SlugInput): StoredRecord {
  const buildStack = app.data.build_stack as { name?: unknown } | null;
  const stack = catalogEntry(services.store, 'stack', input.stack ?? String(buildStack?.name));
  const stamp = services.now().toISOString();
  const id = randomUUID();
  const data: JsonObject = {
    blob: { method: 'get', url: `${BLOB_HOST}/${id}.tgz` },
    buildpack_provided_description: input.description ?? null,
    checksum: input.checksum ?? null,
    commit: input.commit ?? null,
    commit_description: input.commitDescription ?? null,
    created_at: stamp,
    updated_at: stamp,
    id,
    process_types: { ...input.processTypes },
    size: input.size ?? null,
    stack: { id: stack.id, name: stack.data.name },
    deleted_at: null,
  };
  const slug = { collection: 'slug', id, data, parents: { app: app.id }, owner: app.owner };
  services.store.put(slug);
  return slug;
}

/** `slug.create`: the blob URL is where a client would PUT the slug archive. */
export const createSlugBehaviour: Behaviour = (ctx) => {
  const app = ctx.resolve('app_id_or_name');
  const body = isObject(ctx.body) ? ctx.body : {};
  const types: Record<string, string> = {};
  if (isObject(body.process_types)) {
    for (const [type, command] of Object.entries(body.process_types)) {
      setOwn(types, type, String(command));
    }
  }
  const stack = stringAt(body, 'stack');
  const slug = createSlug(ctx.services, app, {
    processTypes: types,
    checksum: stringAt(body, 'checksum') ?? null,
    commit: stringAt(body, 'commit') ?? null,
    commitDescription: stringAt(body, 'commit_description') ?? null,
    description: stringAt(body, 'buildpack_provided_description') ?? null,
    ...(stack === undefined ? {} : { stack }),
  });
  const blob = { ...(slug.data.blob as JsonObject), method: 'put' };
  return { body: { ...slug.data, blob } };
};
