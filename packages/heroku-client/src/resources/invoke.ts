/**
 * One action call: sort out the arguments, check the body against the link's
 * schema, and hand the call to the client's request pipeline.
 */

import { HerokuUsageError } from '../core/errors.js';
import type { Heroku } from '../core/heroku.js';
import type { RequestOptions } from '../core/request-options.js';
import { loadValidator } from '../generated/validators.js';
import type { Callback, CallOptions, CallResult } from './call-types.js';
import { DeferredCall } from './deferred-call.js';
import type { LinkSpec } from './link-spec.js';
import { HerokuValidationError } from './validation-error.js';

interface ActionArgs {
  readonly body: unknown;
  readonly options: CallOptions | undefined;
  readonly callback: Callback<unknown> | undefined;
}

/** `(body?, options?, callback?)` for links with a body, `(options?, callback?)` otherwise. */
export function parseArgs(link: LinkSpec, args: readonly unknown[]): ActionArgs {
  const rest = [...args];
  const callback =
    typeof rest.at(-1) === 'function' ? (rest.pop() as Callback<unknown>) : undefined;
  const max = link.hasBody ? 2 : 1;
  if (rest.length > max) {
    const shape = link.hasBody ? '(body, options, callback)' : '(options, callback)';
    throw new HerokuUsageError(
      `${link.action}() takes at most ${shape}, got ${args.length} arguments`,
    );
  }
  const body = link.hasBody ? rest[0] : undefined;
  const options = rest[link.hasBody ? 1 : 0];
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new HerokuUsageError(`${link.action}(): options must be an object`);
  }
  return { body, options: options as CallOptions | undefined, callback };
}

/** Calls `link` at `path`; validation errors reach the promise and the callback. */
export function invokeAction(
  client: Heroku,
  path: string,
  link: LinkSpec,
  args: readonly unknown[],
): CallResult<unknown> {
  const { body, options, callback } = parseArgs(link, args);
  if (link.href.includes('~')) checkCaller(path, link);
  const request: RequestOptions = {
    ...options,
    method: link.method,
    path,
    link,
    variant: options?.variant ?? link.variant ?? undefined,
    ...(link.query ? { query: body as RequestOptions['query'] } : { body }),
  };
  const needsBody = link.hasBody && link.required.length > 0;
  if (body === undefined && !needsBody) return client.request(request, callback);

  // A missing body is checked as an empty one, so that its required fields are
  // named the same way and the error reaches the promise and the callback.
  const checked = loadValidator(link.id).then((validate) => {
    const issues = validate?.(body ?? {}) ?? [];
    if (issues.length > 0) throw new HerokuValidationError(link.id, issues);
    return { call: client.request(request) };
  });
  const call = new DeferredCall(checked);
  if (callback !== undefined) {
    call.then(
      (value) => process.nextTick(callback, null, value),
      (error: unknown) => process.nextTick(callback, error as Error),
    );
  }
  return call;
}

/**
 * Links such as `PUT /users/~/capabilities` act on the caller only, but their
 * chain shares `users(x)` with links that take any account: the value given
 * there must be `~`.
 */
function checkCaller(path: string, link: LinkSpec): void {
  const given = path.split('/');
  link.href.split('/').forEach((segment, i) => {
    if (segment === '~' && given[i] !== '~') {
      throw new HerokuUsageError(
        `${link.action}() acts on the caller only: ${link.href} takes "~" there, not "${given[i]}"`,
      );
    }
  });
}
