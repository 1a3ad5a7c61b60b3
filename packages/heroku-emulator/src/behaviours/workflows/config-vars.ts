/**
 * Config vars: `PATCH` merges (a string sets, `null` removes, other keys stay)
 * and answers the whole resulting map; every real change makes a release
 * ("Set FOO config vars") that restarts the app. Each release keeps the config
 * it was made with.
 */
import { ownValue, setOwn } from '../../shapes/own-members.js';
import type { StoredRecord } from '../../store/store.js';
import type { Behaviour, Services } from '../context.js';
import { byUser, logApi } from './app-log.js';
import { type ConfigVars, currentConfig, releaseConfig } from './config-store.js';
import { isObject } from './records.js';
import { createRelease } from './release-core.js';

/** Who changes config, for the release and the log line. */
export interface ConfigChangeUser {
  readonly id: string;
  readonly email: string;
}

/**
 * Merges `changes` into the app's config (null removes a key). When anything
 * changed, makes a release described as `description` (or "Set A, B config
 * vars" / "Remove A config vars") and returns it with the new map.
 */
export function changeConfigVars(
  services: Services,
  app: StoredRecord,
  changes: Readonly<Record<string, string | null>>,
  user: ConfigChangeUser,
  description?: string,
): { vars: ConfigVars; release: StoredRecord | undefined } {
  const before = currentConfig(services.store, app);
  const vars = { ...before };
  const set: string[] = [];
  const removed: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    // Keys are free-form (`constructor`, `__proto__`): only own members count.
    if (value === null) {
      if (Object.hasOwn(vars, key)) removed.push(key);
      delete vars[key];
    } else {
      if (ownValue(vars, key) !== value) set.push(key);
      setOwn(vars, key, value);
    }
  }
  if (set.length === 0 && removed.length === 0) return { vars, release: undefined };

  const words = [
    ...(set.length > 0 ? [`Set ${set.join(', ')} config vars`] : []),
    ...(removed.length > 0 ? [`Remove ${removed.join(', ')} config vars`] : []),
  ].join(', ');
  logApi(services, app.id, `${description ?? words} ${byUser(user.email)}`);
  const release = createRelease(services, {
    app,
    user,
    description: description ?? words,
    config: vars,
  });
  return { vars, release };
}

/** Config-var link handlers. */
export const configVarBehaviours: Readonly<Record<string, Behaviour>> = {
  'config-var.infoForApp': (ctx) => ({
    body: currentConfig(ctx.services.store, ctx.resolve('app_id_or_name')),
  }),

  'config-var.infoForAppRelease': (ctx) => ({
    body: releaseConfig(ctx.services.store, ctx.resolve('release_id_or_version')),
  }),

  'config-var.update': (ctx) => {
    const changes: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(isObject(ctx.body) ? ctx.body : {})) {
      setOwn(changes, key, value === null ? null : String(value));
    }
    const app = ctx.resolve('app_id_or_name');
    return { body: changeConfigVars(ctx.services, app, changes, ctx.account).vars };
  },
};
