/**
 * The everyday deploy workflow with Heroku's real semantics: apps, config
 * vars, releases, builds and slugs, formation and dynos, log sessions.
 *
 * Other behaviours reuse its steps: `changeConfigVars` (an add-on sets
 * DATABASE_URL with a release), `createRelease` (a pipeline promotion puts a
 * slug on a downstream app), `createApp` (team apps).
 */
import type { BehaviourRegistry } from '../registry.js';
import { checkNameInBody } from './app-names.js';
import { appBehaviours } from './apps.js';
import { buildBehaviours } from './builds.js';
import { configVarBehaviours } from './config-vars.js';
import { dynoSizes } from './dyno-sizes.js';
import { dynoBehaviours } from './dynos.js';
import { formationBehaviours } from './formation.js';
import { createLogSession } from './log-sessions.js';
import { createOneOff } from './one-off.js';
import { releaseBehaviours } from './releases.js';
import { createSlugBehaviour } from './slugs.js';

export { type AppInput, createApp } from './app-record.js';
export { currentConfig } from './config-store.js';
export { type ConfigChangeUser, changeConfigVars } from './config-vars.js';
export {
  createRelease,
  currentRelease,
  currentSlugId,
  type ReleaseInput,
} from './release-core.js';

/** Registers the deploy-workflow behaviours. */
export function registerWorkflowBehaviours(registry: BehaviourRegistry): void {
  registry.registerAll(appBehaviours);
  registry.registerAll(configVarBehaviours);
  registry.registerAll(releaseBehaviours);
  registry.registerAll(buildBehaviours);
  registry.registerAll(formationBehaviours);
  registry.registerAll(dynoBehaviours);
  registry.registerAll({
    'slug.create': createSlugBehaviour,
    'dyno.create': createOneOff,
    'log-session.create': createLogSession,
    'dyno-size.listAppDynoSizes': (ctx) => {
      ctx.resolve('app_id_or_name');
      return { body: dynoSizes(ctx.services.store).map((size) => size.data) };
    },
  });
  registry.registerBodyCheck('app.create', checkNameInBody);
  registry.registerBodyCheck('app.update', checkNameInBody);
}
export { watchOneOffExits } from './dyno-lifecycle.js';
