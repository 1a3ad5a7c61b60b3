/**
 * The behaviours built into the first layer: the ones that need the
 * emulator's own machinery (rate limits) and the everyday basics (apps, config
 * vars, releases, formation) that the generic behaviour cannot get right.
 */
import type { BehaviourRegistry } from '../registry.js';
import { rateLimitBehaviours } from './rate-limit.js';

/** Registers the built-in behaviours. */
export function registerCoreBehaviours(registry: BehaviourRegistry): void {
  registry.registerAll(rateLimitBehaviours);
}
