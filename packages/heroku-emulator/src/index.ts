/**
 * heroku-emulator: a local, stateful Heroku Platform API.
 *
 * ```ts
 * import { startEmulator } from 'heroku-emulator';
 * const emulator = await startEmulator({ port: 0 });
 * // new Heroku({ baseUrl: emulator.url, token: emulator.token })
 * await emulator.stop();
 * ```
 */
export type { Account, AccountOptions } from './accounts/accounts.js';
export { DEFAULT_EMAIL, DEFAULT_TOKEN } from './accounts/accounts.js';
export type {
  Behaviour,
  BehaviourContext,
  BehaviourResult,
  Services,
  ShapeIndex,
} from './behaviours/context.js';
export { BehaviourRegistry } from './behaviours/registry.js';
export type { EmulatorAccount, EmulatorOptions, RunningEmulator } from './emulator.js';
export { startEmulator } from './emulator.js';
export { ApiError, isApiError } from './http/errors.js';
export type { RouteLink, RouteSlot } from './link.js';
export type { LogLevel } from './log.js';
export type { JsonObject, RecordFilter, Store, StoredRecord } from './store/store.js';
export type {
  AttachRequest,
  LogLine,
  LogSessionRequest,
  RunRequest,
  StreamingEnvironment,
  StreamingHooks,
} from './streaming.js';
