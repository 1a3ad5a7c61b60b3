/**
 * The plain HTTP verbs every chain node offers on its own path, for links the
 * schema lacks or titles differently (`dynos(d).delete()` restarts a dyno).
 */

import { HerokuUsageError } from '../core/errors.js';
import type { Heroku } from '../core/heroku.js';
import type { Callback, VerbOptions } from './call-types.js';
import { clientOf } from './fluent.js';

type Node = { readonly path: string };

function verb(method: string) {
  return function call(
    this: Node,
    options?: VerbOptions | Callback<unknown>,
    callback?: Callback<unknown>,
  ) {
    const client: Heroku = clientOf(this);
    if (typeof options === 'function') return client.request({ method, path: this.path }, options);
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      throw new HerokuUsageError(`${method.toLowerCase()}(): options must be an object`);
    }
    return client.request({ ...options, method, path: this.path }, callback);
  };
}

/** The prototype every chain node's prototype starts from. */
export const VERB_METHODS: object = {
  get: verb('GET'),
  post: verb('POST'),
  put: verb('PUT'),
  patch: verb('PATCH'),
  delete: verb('DELETE'),
};
