/**
 * One-off dynos (`POST /apps/{app}/dynos`): named `run.N` with N counting up
 * per app, running the current release. With `attach: true` the streaming side
 * gives the rendezvous `attach_url` and the dyno stays up until it is stopped;
 * a detached dyno runs its command and completes on its own.
 */
import { randomUUID } from 'node:crypto';
import { conflict } from '../../http/errors.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext } from '../context.js';
import { byUser, logApi, logDyno } from './app-log.js';
import { currentConfig } from './config-store.js';
import { bootLater, releaseRef, stopAndRemove } from './dyno-lifecycle.js';
import { DEFAULT_DYNO_SIZE, findDynoSize } from './dyno-sizes.js';
import { appRef, isObject, save, stringAt } from './records.js';
import { currentRelease } from './release-core.js';
import { DETACHED_RUN_MS } from './timing.js';

/** `dyno.create`. */
export const createOneOff: Behaviour = (ctx) => {
  const { services } = ctx;
  const app = ctx.resolve('app_id_or_name');
  const body = isObject(ctx.body) ? ctx.body : {};
  const release = currentRelease(services, app);
  if (release === undefined || release.data.status === 'pending') {
    throw conflict(`${String(app.data.name)} has no release to run yet. Please try again.`);
  }

  const command = stringAt(body, 'command') ?? '';
  const size = findDynoSize(services.store, stringAt(body, 'size') ?? DEFAULT_DYNO_SIZE);
  const name = `run.${services.store.next(`run:${app.id}`)}`;
  const stamp = services.now().toISOString();
  const data: JsonObject = {
    attach_url: null,
    command,
    created_at: stamp,
    updated_at: stamp,
    id: randomUUID(),
    name,
    release: releaseRef(release),
    app: appRef(app),
    size: size.data.name,
    state: 'starting',
    type: stringAt(body, 'type') ?? 'run',
    formation_type: 'run',
    one_off: true,
  };
  const attached = body.attach === true;
  if (attached) data.attach_url = attachUrl(ctx, app, data, body) ?? null;

  const dyno = { collection: 'dyno', id: String(data.id), data, parents: { app: app.id } };
  services.store.put({ ...dyno, owner: app.owner });
  const how = attached ? 'attached to terminal' : 'detached';
  logApi(
    services,
    app.id,
    `Starting process with command \`${command}\` ${byUser(ctx.account.email)}`,
  );
  logDyno(services, app.id, name, `Starting process with command \`${command}\` (${how})`);
  bootLater(services, app.id, String(data.id));
  if (!attached) completeLater(ctx, String(data.id));
  else endAfterTimeToLive(ctx, String(data.id), body.time_to_live);
  return { body: data };
};

function attachUrl(
  ctx: BehaviourContext,
  app: StoredRecord,
  dyno: JsonObject,
  body: JsonObject,
): string | undefined {
  const env: Record<string, string> = { ...currentConfig(ctx.services.store, app) };
  if (isObject(body.env)) {
    for (const [key, value] of Object.entries(body.env)) env[key] = String(value);
  }
  return ctx.services.hooks.attachDyno?.({
    appId: app.id,
    appName: String(app.data.name),
    dynoId: String(dyno.id),
    dynoName: String(dyno.name),
    command: String(dyno.command),
    env,
    noTty: body.force_no_tty === true,
  });
}

/** A detached command has nothing to wait for: it runs, then the dyno completes. */
function completeLater(ctx: BehaviourContext, dynoId: string): void {
  const { services } = ctx;
  services.defer(() => {
    const dyno = services.store.get('dyno', dynoId);
    if (dyno === undefined) return;
    const up = save(services.store, dyno, { ...dyno.data, state: 'up' });
    stopAndRemove(services, { ...dyno, data: up }, 0);
  }, DETACHED_RUN_MS);
}

/** An attached dyno ends after its `time_to_live` seconds, when one was given. */
function endAfterTimeToLive(ctx: BehaviourContext, dynoId: string, ttl: unknown): void {
  if (typeof ttl !== 'number' || ttl <= 0) return;
  const { services } = ctx;
  services.defer(() => {
    const dyno = services.store.get('dyno', dynoId);
    if (dyno !== undefined) stopAndRemove(services, dyno);
  }, ttl * 1000);
}
