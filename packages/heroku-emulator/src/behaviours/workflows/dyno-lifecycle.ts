/**
 * Dynos follow the formation: `web.1` … `web.N` for a quantity of N, each
 * `starting` and then `up` a moment later. New releases and restarts take
 * running dynos back through `starting`; scaling down stops the highest
 * numbers. Every step goes to the app's log as `heroku[web.1]` lines.
 */
import { randomUUID } from 'node:crypto';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Services } from '../context.js';
import { logDyno } from './app-log.js';
import { appById, appRef, childrenOf, save } from './records.js';
import { currentRelease } from './release-core.js';
import { DYNO_BOOT_MS } from './timing.js';

/** The app's dynos, formation and one-off alike. */
export function dynosOf(services: Services, app: StoredRecord): StoredRecord[] {
  return childrenOf(services.store, 'dyno', app);
}

/** The dynos that belong to the formation (not one-off `run.N` dynos). */
export function formationDynos(services: Services, app: StoredRecord, type?: string) {
  return dynosOf(services, app).filter(
    (d) => d.data.one_off !== true && (type === undefined || d.data.type === type),
  );
}

/** A `{ id, version }` reference to a release, or `null`. */
export function releaseRef(release: StoredRecord | undefined): JsonObject | null {
  return release === undefined ? null : { id: release.id, version: release.data.version };
}

/**
 * Starts or stops dynos of `type` until `quantity` run; `entry` is the formation
 * entry (null when the type is gone). `resized` restarts the survivors too.
 */
export function matchFormation(
  services: Services,
  app: StoredRecord,
  type: string,
  quantity: number,
  entry: JsonObject | null,
  resized = false,
): void {
  const running = formationDynos(services, app, type);
  for (const dyno of running) {
    if (dynoIndex(dyno) > quantity) stopAndRemove(services, dyno);
    else if (resized && entry !== null) restartDyno(services, dyno, { size: entry.size });
  }
  if (entry === null) return;

  const release = releaseRef(currentRelease(services, app));
  const taken = new Set(running.map(dynoIndex));
  for (let index = 1; index <= quantity; index++) {
    if (taken.has(index)) continue;
    const stamp = services.now().toISOString();
    const data: JsonObject = {
      attach_url: null,
      command: entry.command,
      created_at: stamp,
      updated_at: stamp,
      id: randomUUID(),
      name: `${type}.${index}`,
      release,
      app: appRef(app),
      size: entry.size,
      state: 'starting',
      type,
      formation_type: type,
    };
    const record = { collection: 'dyno', id: String(data.id), data, parents: { app: app.id } };
    services.store.put({ ...record, owner: app.owner });
    logDyno(
      services,
      app.id,
      String(data.name),
      `Starting process with command \`${String(entry.command)}\``,
    );
    bootLater(services, app.id, String(data.id));
  }
}

/** Restarts every formation dyno of the app on `release`. */
export function restartFormationDynos(services: Services, appId: string, release: StoredRecord) {
  const app = appById(services.store, appId);
  for (const dyno of formationDynos(services, app)) {
    // Dynos the release itself just started are already on it.
    const on = dyno.data.release as { id?: unknown } | null;
    if (on?.id !== release.id) restartDyno(services, dyno, { release: releaseRef(release) });
  }
}

/** Takes `dyno` back to `starting` (with any changed fields), then `up`. */
export function restartDyno(services: Services, dyno: StoredRecord, changes: JsonObject = {}) {
  const appId = dyno.parents.app ?? '';
  const name = String(dyno.data.name);
  logDyno(services, appId, name, 'Restarting');
  if (dyno.data.state !== 'starting') {
    logDyno(services, appId, name, `State changed from ${String(dyno.data.state)} to starting`);
  }
  save(services.store, dyno, {
    ...dyno.data,
    ...changes,
    state: 'starting',
    updated_at: services.now().toISOString(),
  });
  bootLater(services, appId, dyno.id);
}

/**
 * Ends `dyno` for good and removes its record: stopped with SIGTERM, or, given the status
 * its process exited with, done on its own. A one-off that ends on its own is `complete`
 * whatever its status, as Heroku logs it; a stopped dyno is `down`.
 */
export function stopAndRemove(services: Services, dyno: StoredRecord, exitStatus?: number): void {
  const appId = dyno.parents.app ?? '';
  const name = String(dyno.data.name);
  if (exitStatus === undefined)
    logDyno(services, appId, name, 'Stopping all processes with SIGTERM');
  logDyno(services, appId, name, `Process exited with status ${exitStatus ?? 143}`);
  const next = exitStatus === undefined ? 'down' : 'complete';
  logDyno(services, appId, name, `State changed from ${String(dyno.data.state)} to ${next}`);
  services.store.delete('dyno', dyno.id);
  // A one-off's process ends with its record (a no-op once it exited).
  if (dyno.data.one_off === true) services.hooks.stopDyno?.(dyno.id);
}

/**
 * Ends a one-off's record when its process exits, with its exit status. A process ended by
 * SIGTERM was stopped (its client left, or never came), not done on its own.
 */
export function watchOneOffExits(services: Services): void {
  services.hooks.onDynoExit?.((dynoId, status) =>
    services.defer(() => {
      const dyno = services.store.get('dyno', dynoId);
      const stopped = status.signal === 'SIGTERM';
      if (dyno !== undefined) stopAndRemove(services, dyno, stopped ? undefined : status.code);
    }),
  );
}

/** Moves a `starting` dyno to `up` after the boot time, then calls `onUp`. */
export function bootLater(
  services: Services,
  appId: string,
  dynoId: string,
  onUp?: () => void,
): void {
  services.defer(() => {
    const dyno = services.store.get('dyno', dynoId);
    if (dyno === undefined || dyno.data.state !== 'starting') return;
    save(services.store, dyno, {
      ...dyno.data,
      state: 'up',
      updated_at: services.now().toISOString(),
    });
    logDyno(services, appId, String(dyno.data.name), 'State changed from starting to up');
    onUp?.();
  }, DYNO_BOOT_MS);
}

function dynoIndex(dyno: StoredRecord): number {
  const suffix = String(dyno.data.name).split('.').pop();
  return Number(suffix) || 0;
}
