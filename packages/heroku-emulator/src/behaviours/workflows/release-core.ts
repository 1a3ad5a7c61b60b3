/**
 * Making a release, the one step every deploy, config change, add-on change and
 * rollback ends in: the app's next version (per app, never reused), `current`
 * moving to it, the config frozen with it, the formation following its slug,
 * and the app's dynos restarting on it.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Services } from '../context.js';
import { byUser, logApi } from './app-log.js';
import { type ConfigVars, currentConfig, storeConfig, storeReleaseConfig } from './config-store.js';
import { restartFormationDynos } from './dyno-lifecycle.js';
import { followSlug } from './formation-core.js';
import { appRef, childrenOf, save } from './records.js';

/** What a new release is made of. */
export interface ReleaseInput {
  readonly app: StoredRecord;
  /** The account the release is attributed to. */
  readonly user: { readonly id: string; readonly email: string };
  readonly description: string;
  /** The slug to run; omitted: the current release's slug. */
  readonly slugId?: string | null;
  /** The config to run with; omitted: the app's current config vars. */
  readonly config?: ConfigVars;
}

/** The app's releases, oldest first. */
export function releasesOf(services: Services, app: StoredRecord): StoredRecord[] {
  return childrenOf(services.store, 'release', app).sort(
    (a, b) => Number(a.data.version) - Number(b.data.version),
  );
}

/** The app's current release, if it has one. */
export function currentRelease(services: Services, app: StoredRecord): StoredRecord | undefined {
  return releasesOf(services, app).find((r) => r.data.current === true);
}

/** The slug id the current release runs, or `null`. */
export function currentSlugId(services: Services, app: StoredRecord): string | null {
  const slug = currentRelease(services, app)?.data.slug as { id?: unknown } | null | undefined;
  return typeof slug?.id === 'string' ? slug.id : null;
}

/** Makes the next release of `input.app` and puts the app on it. */
export function createRelease(services: Services, input: ReleaseInput): StoredRecord {
  const { store } = services;
  const { app, user } = input;
  const stamp = services.now().toISOString();
  const previousSlug = currentSlugId(services, app);
  const slugId = input.slugId === undefined ? previousSlug : input.slugId;
  const config = input.config ?? currentConfig(store, app);

  for (const older of releasesOf(services, app)) {
    if (older.data.current === true) save(store, older, { ...older.data, current: false });
  }

  const version = store.next(`release-version:${app.id}`);
  const data: JsonObject = {
    addon_plan_names: addonPlanNames(services, app),
    artifacts: slugId === null ? [] : [{ type: 'slug', id: slugId }],
    app: appRef(app),
    created_at: stamp,
    updated_at: stamp,
    description: input.description,
    id: randomUUID(),
    oci_image: null,
    slug: slugId === null ? null : { id: slugId },
    status: 'succeeded',
    user: { id: user.id, email: user.email },
    version,
    current: true,
    output_stream_url: null,
    // The first release has neither code nor config to go back to.
    eligible_for_rollback: version > 1,
  };
  const release: StoredRecord = {
    collection: 'release',
    id: String(data.id),
    data,
    parents: { app: app.id },
    owner: app.owner,
  };
  store.put(release);
  storeReleaseConfig(store, release, config);
  storeConfig(store, app, config);
  touchApp(services, app, slugId, stamp);
  logApi(services, app.id, `Release v${version} created ${byUser(user.email)}`);

  if (slugId !== null && slugId !== previousSlug) followSlug(services, app, slugId);
  restartFormationDynos(services, app.id, release);
  return release;
}

function touchApp(services: Services, app: StoredRecord, slugId: string | null, stamp: string) {
  const fresh = services.store.get('app', app.id) ?? app;
  const slug = slugId === null ? undefined : services.store.get('slug', slugId);
  const slugSize = slug === undefined ? fresh.data.slug_size : (slug.data.size ?? null);
  save(services.store, fresh, {
    ...fresh.data,
    released_at: stamp,
    updated_at: stamp,
    slug_size: slugSize ?? null,
  });
}

function addonPlanNames(services: Services, app: StoredRecord): string[] {
  return childrenOf(services.store, 'add-on', app)
    .map((addon) => (addon.data.plan as { name?: unknown } | null | undefined)?.name)
    .filter((name): name is string => typeof name === 'string');
}
