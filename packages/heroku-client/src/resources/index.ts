/**
 * Installs the fluent chain on the client: `heroku.apps('x').dynos().list()`.
 * Only the root step methods are defined here; deeper nodes get their methods
 * on first use.
 */
import { Heroku } from '../core/heroku.js';
import type { HerokuRoot } from '../generated/chains.js';
import { rootSteps } from './fluent.js';

for (const [name, method] of rootSteps()) {
  Object.defineProperty(Heroku.prototype, name, {
    value: method,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

declare module '../core/heroku.js' {
  /** Every root segment of the API is a method of the client. */
  interface Heroku extends Omit<HerokuRoot, 'get' | 'post' | 'put' | 'patch' | 'delete' | 'path'> {}
}

export type * from '../generated/chains.js';
export { routes, schemaSha256 } from '../generated/route-table.js';
export type {
  CallOptions as ActionOptions,
  CallResult,
  PathValue,
  VerbOptions,
} from './call-types.js';
export type { ChainStep, HttpMethod, LinkSpec, PathSlot } from './link-spec.js';
export { lookupLink } from './lookup.js';
export type { ValidationIssue, Validator } from './validation.js';
export { HerokuValidationError } from './validation-error.js';
