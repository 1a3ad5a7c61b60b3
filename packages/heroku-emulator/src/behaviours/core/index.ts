/**
 * The behaviours built into the emulator: its own machinery (rate limits), the
 * deploy workflow, and the resources around an app. Every other link is served
 * by the generic schema-driven behaviour.
 */
import { registerPlatformBehaviours } from '../platform/index.js';
import type { BehaviourRegistry } from '../registry.js';
import { registerWorkflowBehaviours } from '../workflows/index.js';
import { rateLimitBehaviours } from './rate-limit.js';

/** Registers the built-in behaviours. */
export function registerCoreBehaviours(registry: BehaviourRegistry): void {
  registry.registerAll(rateLimitBehaviours);
  registerWorkflowBehaviours(registry);
  registerPlatformBehaviours(registry);
}
