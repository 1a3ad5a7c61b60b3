/**
 * Fault injection: latency, server errors, connection resets, 429 bursts and
 * slow bodies, off by default and deterministic for a given seed.
 */
export type { FaultControl, FaultStats } from './injector.js';
export { FaultInjector } from './injector.js';
export type { FaultOptions, FaultPlan, FaultStatus } from './options.js';
export { anyFault, planFaults } from './options.js';
