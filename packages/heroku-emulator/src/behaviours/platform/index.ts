/**
 * The resources around an app with Heroku's real semantics: add-ons and
 * attachments, buildpack installations, domains, collaborators, log drains,
 * pipelines, SNI endpoints, features, keys, OAuth authorizations and teams.
 */
import type { BehaviourRegistry } from '../registry.js';
import { addonBehaviours } from './addons/index.js';
import { buildpackBehaviours } from './buildpacks.js';
import { collaboratorBehaviours } from './collaborators.js';
import { domainBehaviours } from './domains.js';
import { featureBehaviours } from './features.js';
import { logDrainBehaviours } from './log-drains.js';
import { oauthBehaviours } from './oauth.js';
import { pipelineBehaviours } from './pipelines/pipelines.js';
import { promotionBehaviours } from './pipelines/promotions.js';
import { sniEndpointBehaviours } from './sni-endpoints.js';
import { teamBehaviours } from './teams.js';

/** Registers the behaviours of the resources around an app. */
export function registerPlatformBehaviours(registry: BehaviourRegistry): void {
  registry.registerAll(addonBehaviours);
  registry.registerAll(domainBehaviours);
  registry.registerAll(collaboratorBehaviours);
  registry.registerAll(pipelineBehaviours);
  registry.registerAll(promotionBehaviours);
  registry.registerAll(logDrainBehaviours);
  registry.registerAll(oauthBehaviours);
  registry.registerAll(featureBehaviours);
  registry.registerAll(teamBehaviours);
  registry.registerAll(sniEndpointBehaviours);
  registry.registerAll(buildpackBehaviours);
}
