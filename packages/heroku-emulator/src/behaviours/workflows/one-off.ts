/**
 * One-off dynos (`POST /apps/{app}/dynos`): named `run.N` with N counting up
 * per app, running the current release. With `attach: true` the streaming side
 * gives the rendezvous `attach_url` and the command runs once a client connects;
 * a detached dyno runs its command as soon as it is up, with no client and its
 * output in the app's log. Either way the dyno goes when its command exits.
 */
import { randomUUID } from 'node:crypto';
import { conflict } from '../../http/errors.js';
import { setOwn } from '../../shapes/own-members.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { RunRequest } from '../../streaming.js';
import type { Behaviour, BehaviourContext, Services } from '../context.js';
import { byUser, logApi, logDyno } from './app-log.js';
import { currentConfig } from './config-store.js';
import { bootLater, releaseRef, stopAndRemove } from './dyno-lifecycle.js';
import { DEFAULT_DYNO_SIZE, findDynoSize } from './dyno-sizes.js';
import { appRef, isObject, stringAt } from './records.js';
import { currentRelease } from './release-core.js';

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
  const run = runRequest(ctx, app, data, body);
  if (attached) {
    data.attach_url =
      ctx.services.hooks.attachDyno?.({ ...run, noTty: body.force_no_tty === true }) ?? null;
  }

  const dyno = { collection: 'dyno', id: String(data.id), data, parents: { app: app.id } };
  services.store.put({ ...dyno, owner: app.owner });
  const how = attached ? 'attached to terminal' : 'detached';
  logApi(
    services,
    app.id,
    `Starting process with command \`${command}\` ${byUser(ctx.account.email)}`,
  );
  logDyno(services, app.id, name, `Starting process with command \`${command}\` (${how})`);
  // An attached command starts when its client connects; a detached one once the dyno is up.
  bootLater(
    services,
    app.id,
    String(data.id),
    attached ? undefined : () => runDetached(services, run),
  );
  endAfterTimeToLive(ctx, String(data.id), body.time_to_live);
  return { body: data };
};

/** What the streaming side needs to run the dyno's command: the app's config under `env`. */
function runRequest(
  ctx: BehaviourContext,
  app: StoredRecord,
  dyno: JsonObject,
  body: JsonObject,
): RunRequest {
  const env: Record<string, string> = { ...currentConfig(ctx.services.store, app) };
  if (isObject(body.env)) {
    for (const [key, value] of Object.entries(body.env)) setOwn(env, key, String(value));
  }
  return {
    appId: app.id,
    appName: String(app.data.name),
    dynoId: String(dyno.id),
    dynoName: String(dyno.name),
    command: String(dyno.command),
    env,
  };
}

/**
 * Runs a detached command with no client; its exit removes the dyno (`watchOneOffExits`).
 * A streaming seam that cannot run commands leaves nothing to wait for: the dyno completes.
 */
function runDetached(services: Services, run: RunRequest): void {
  if (services.hooks.runDyno) {
    services.hooks.runDyno(run);
    return;
  }
  const dyno = services.store.get('dyno', run.dynoId);
  if (dyno !== undefined) stopAndRemove(services, dyno, 0);
}

/** A one-off dyno ends after its `time_to_live` seconds, when one was given. */
function endAfterTimeToLive(ctx: BehaviourContext, dynoId: string, ttl: unknown): void {
  if (typeof ttl !== 'number' || !(ttl > 0)) return;
  // Timers hold at most about 24.8 days; a longer life is as good as none here.
  if (ttl * 1000 > MAX_TIMER_MS) return;
  const { services } = ctx;
  services.defer(() => {
    const dyno = services.store.get('dyno', dynoId);
    if (dyno !== undefined) stopAndRemove(services, dyno);
  }, ttl * 1000);
}

/** The longest delay Node's timers take (2^31 - 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1;
