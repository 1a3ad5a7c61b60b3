/**
 * The client: generic calls against any path of the API. The fluent resources
 * are built on `request`.
 */
import type { LinkSpec } from '../resources/link-spec.js';
import { type FirstPage, HerokuCall, type ListResult } from './call.js';
import { type ClientContext, createContext } from './context.js';
import type { HerokuOptions } from './options.js';
import { execute } from './pipeline.js';
import {
  type Callback,
  checkCallback,
  type PreparedRequest,
  prepareRequest,
  type RequestOptions,
} from './request-options.js';

type Lookup = (method: string, path: string) => LinkSpec | undefined;

// The route table is loaded on the first generic call, not at import, to keep
// importing the client cheap. Should it fail to load, generic calls are lists
// only when the answer is an array with Next-Range.
let lookup: Lookup | null | undefined;
let lookupLoading: Promise<Lookup | null> | undefined;

function loadLookup(): Promise<Lookup | null> {
  lookupLoading ??= import('../resources/lookup.js').then(
    (mod) => (lookup = mod.lookupLink),
    () => (lookup = null),
  );
  return lookupLoading;
}

/** The Range of a list's first page: the link's default sort field, pages of 1000. */
export function firstPageRange(link: LinkSpec): string {
  return `${link.ranges[0] ?? 'id'} ..; max=1000`;
}

/**
 * Whether a call is a paged list. Only GETs page: a PATCH or POST that answers
 * an array (formation batch update, add-on resolution) is one answer, and
 * following a Next-Range would send the change again.
 */
function pages(method: string, link: LinkSpec | undefined): link is LinkSpec {
  return method === 'GET' && link?.list === true;
}

/** A list link, as the route table marks it. */
export type ListLink = LinkSpec & { readonly list: true };

/** Per-call options of the method helpers (`get`, `post`, ...). */
export type CallOptions = Omit<RequestOptions, 'method' | 'path'>;

/**
 * A client of the Heroku Platform API.
 *
 * ```ts
 * const heroku = new Heroku({ token: process.env.HEROKU_API_KEY });
 * const apps = await heroku.get<App[]>('/apps');
 * const { body, rateLimitRemaining } = await heroku.get('/account').withResponse();
 * for await (const app of heroku.get<App[]>('/apps')) console.log(app.name);
 * heroku.get('/apps', (error, apps) => {});
 * ```
 */
export class Heroku {
  readonly #ctx: ClientContext;

  /** @throws HerokuUsageError when an option is invalid. */
  constructor(options: HerokuOptions = {}) {
    this.#ctx = createContext(options);
  }

  /**
   * Sends a call. Resolves with the body; rejects with a HerokuError. With a
   * `link` whose `list` is true (or a path the route table knows as a list),
   * the first page asks for `<sort field> ..; max=1000` and awaiting follows
   * Next-Range to the end. `range` applies to the first page only; `partial`
   * stops after it.
   *
   * @throws HerokuUsageError before sending anything when an option is wrong.
   */
  request<T = unknown>(
    options: RequestOptions & { link: ListLink },
    callback?: Callback<T[]>,
  ): ListResult<T>;
  request<T = unknown>(options: RequestOptions, callback?: Callback<T>): HerokuCall<T>;
  request<T = unknown>(options: RequestOptions, callback?: Callback<T>): HerokuCall<T> {
    checkCallback(callback);
    const ctx = this.#ctx;
    const req = prepareRequest(options, ctx.parseJSON);
    const link = options.link;
    const follows =
      !(options.partial ?? ctx.partial) &&
      req.method === 'GET' &&
      (link === undefined || link.list);
    const next = follows ? (range: string) => execute(ctx, req, range) : undefined;
    const call = new HerokuCall<T>(this.#first(req, options), next);
    if (callback !== undefined) {
      call.then<void, void>(
        (value) => process.nextTick(callback, null, value),
        (error: unknown) => process.nextTick(callback, error as Error),
      );
    }
    return call;
  }

  /** GET `path`. */
  get<T = unknown>(path: string, options?: CallOptions | Callback<T>, callback?: Callback<T>) {
    return this.#helper<T>('GET', path, options, callback);
  }

  /** POST `path`; pass the body as `options.body`. */
  post<T = unknown>(path: string, options?: CallOptions | Callback<T>, callback?: Callback<T>) {
    return this.#helper<T>('POST', path, options, callback);
  }

  /** PUT `path`. */
  put<T = unknown>(path: string, options?: CallOptions | Callback<T>, callback?: Callback<T>) {
    return this.#helper<T>('PUT', path, options, callback);
  }

  /** PATCH `path`. */
  patch<T = unknown>(path: string, options?: CallOptions | Callback<T>, callback?: Callback<T>) {
    return this.#helper<T>('PATCH', path, options, callback);
  }

  /** DELETE `path`. */
  delete<T = unknown>(path: string, options?: CallOptions | Callback<T>, callback?: Callback<T>) {
    return this.#helper<T>('DELETE', path, options, callback);
  }

  /** The last RateLimit-Remaining the API reported for the current token. */
  async rateLimitRemaining(): Promise<number | undefined> {
    const token = await this.#ctx.tokens.current();
    return this.#ctx.rate.remaining(await this.#ctx.tokens.identity(token));
  }

  /** Closes the connections this client owns (a shared default agent stays open). */
  close(): Promise<void> {
    return this.#ctx.close();
  }

  #helper<T>(
    method: string,
    path: string,
    options: CallOptions | Callback<T> | undefined,
    callback: Callback<T> | undefined,
  ): HerokuCall<T> {
    if (typeof options === 'function') return this.request<T>({ method, path }, options);
    return this.request<T>({ ...options, method, path }, callback);
  }

  #first(req: PreparedRequest, options: RequestOptions): Promise<FirstPage> {
    const link = options.link;
    // A Range the caller sets as a header asks for the first page, as in heroku-client 3.
    const range = options.range ?? req.headers?.range;
    if (link !== undefined || range !== undefined) {
      return this.#page(req, range ?? (pages(req.method, link) ? firstPageRange(link) : undefined));
    }
    const bare = options.path.split('?', 1)[0] as string;
    if (lookup !== undefined) {
      const found = lookup?.(req.method, bare);
      return this.#page(req, pages(req.method, found) ? firstPageRange(found) : undefined);
    }
    return loadLookup().then((fn) => {
      const found = fn?.(req.method, bare);
      return this.#page(req, pages(req.method, found) ? firstPageRange(found) : undefined);
    });
  }

  async #page(req: PreparedRequest, range: string | undefined): Promise<FirstPage> {
    return { response: await execute(this.#ctx, req, range), range };
  }
}
