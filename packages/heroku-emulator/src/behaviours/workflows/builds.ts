/**
 * Builds: created `pending`, then (once the source was read) `succeeded` with
 * a slug and a release, or `failed`. The source is read outside the request,
 * and the outcome lands in its own transaction. Build output lines are kept
 * with the build, streamed at its `output_stream_url`, and copied to the
 * app's log.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, Services } from '../context.js';
import { byUser, logApi } from './app-log.js';
import { unservedStreamUrl } from './local-url.js';
import { isObject, save, stringAt, userRef } from './records.js';
import { createRelease } from './release-core.js';
import { createSlug } from './slugs.js';
import { readSource, type SourceOutcome } from './source-blob.js';
import { BUILD_MS } from './timing.js';

/** Build output lines kept with the build record, and streamed at `output_stream_url`. */
const OUTPUT = 'output_lines';

/** Build link handlers (list and info keep the generic behaviour). */
export const buildBehaviours: Readonly<Record<string, Behaviour>> = {
  'build.create': (ctx) => {
    const { services } = ctx;
    const app = ctx.resolve('app_id_or_name');
    const body = isObject(ctx.body) ? ctx.body : {};
    const blob = isObject(body.source_blob) ? body.source_blob : {};
    const id = randomUUID();
    const stamp = services.now().toISOString();
    const stack = app.data.build_stack as { name?: unknown } | null;
    const data: JsonObject = {
      app: { id: app.id },
      buildpacks: Array.isArray(body.buildpacks) ? body.buildpacks : null,
      created_at: stamp,
      updated_at: stamp,
      id,
      output_stream_url:
        services.hooks.buildOutputUrl?.({ appId: app.id, buildId: id }) ??
        unservedStreamUrl(ctx, 'output', id),
      source_blob: {
        checksum: stringAt(blob, 'checksum') ?? null,
        url: stringAt(blob, 'url') ?? '',
        version: stringAt(blob, 'version') ?? null,
        version_description: stringAt(blob, 'version_description') ?? null,
      },
      release: null,
      slug: null,
      stack: String(stack?.name ?? ''),
      status: 'pending',
      user: userRef(ctx.account),
      [OUTPUT]: [],
    };
    const build = { collection: 'build', id, data, parents: { app: app.id }, owner: app.owner };
    services.store.put(build);
    logApi(services, app.id, `Build started ${byUser(ctx.account.email)}`);
    const started = writeOutput(services, build, [
      `-----> Building on the ${String(stack?.name ?? '')} stack`,
    ]);

    const source = data.source_blob as { url: string; checksum: string | null };
    void readSource(source.url, source.checksum).then((outcome) =>
      services.defer(() => finishBuild(services, id, outcome), BUILD_MS),
    );
    return { body: started.data };
  },

  'build.cancel': (ctx) => {
    const build = ctx.resolve('build_id');
    if (build.data.status !== 'pending') return { body: build.data };
    return { body: endBuild(ctx.services, build, 'failed', ['-----> Build cancelled']) };
  },

  'build.deleteCache': () => ({ body: {} }),
};

/** Lands a build's outcome: a slug and a release when the source was good. */
function finishBuild(services: Services, buildId: string, outcome: SourceOutcome): void {
  const build = services.store.get('build', buildId);
  // A cancelled build, or one whose app was deleted meanwhile, stays as it is.
  if (build === undefined || build.data.status !== 'pending') return;
  const app = services.store.get('app', build.parents.app ?? '');
  if (app === undefined) return;
  if (!outcome.ok) {
    endBuild(services, build, 'failed', [...outcome.lines, ' !     Build failed']);
    logApi(services, app.id, 'Build failed -- check your build output');
    return;
  }

  const read = writeOutput(services, build, outcome.lines);
  const blob = build.data.source_blob as { version?: string | null };
  const slug = createSlug(services, app, {
    processTypes: outcome.processTypes,
    checksum: outcome.checksum,
    commit: blob.version ?? null,
    size: outcome.size,
  });
  const user = build.data.user as { id: string; email: string };
  const label = blob.version ?? slug.id.slice(0, 8);
  logApi(services, app.id, `Deploy ${label} ${byUser(user.email)}`);
  const release = createRelease(services, {
    app,
    user,
    description: `Deploy ${label}`,
    slugId: slug.id,
  });
  const types = Object.keys(outcome.processTypes).join(', ');
  endBuild(
    services,
    read,
    'succeeded',
    [
      `-----> Discovering process types`,
      `       Procfile declares types -> ${types}`,
      `-----> Launching...`,
      `       Released v${String(release.data.version)}`,
      `       ${String(app.data.web_url)} deployed to Heroku`,
    ],
    { slug: { id: slug.id }, release: { id: release.id } },
  );
  logApi(services, app.id, 'Build succeeded');
}

/**
 * Adds lines to a build's output: kept with the build, written to its output stream, and
 * copied to the app's log as `app[api]` lines next to "Build started" and "Build succeeded".
 */
function writeOutput(services: Services, build: StoredRecord, lines: readonly string[]) {
  const output = Array.isArray(build.data[OUTPUT]) ? (build.data[OUTPUT] as string[]) : [];
  const stream = services.hooks.buildOutput?.(build.id);
  for (const line of lines) {
    stream?.write(`${line}\n`);
    logApi(services, build.parents.app ?? '', line);
  }
  const data = save(services.store, build, { ...build.data, [OUTPUT]: [...output, ...lines] });
  return { ...build, data };
}

function endBuild(
  services: Services,
  build: StoredRecord,
  status: 'succeeded' | 'failed',
  lines: readonly string[],
  extra: JsonObject = {},
): JsonObject {
  const written = writeOutput(services, build, lines);
  services.hooks.buildOutput?.(build.id).end();
  return save(services.store, written, {
    ...written.data,
    ...extra,
    status,
    updated_at: services.now().toISOString(),
  });
}
