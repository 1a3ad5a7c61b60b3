/**
 * What every call returns: a promise of the body that can also give the whole
 * response, and, for lists, an async iterable of the items page by page.
 */
import type { HerokuResponse } from './response.js';

/** The items of a list body, or the body itself for a single resource. */
export type ItemOf<T> = T extends readonly (infer I)[] ? I : T;

/** Fetches the page a Next-Range value names. */
export type NextPage = (range: string) => Promise<HerokuResponse<unknown>>;

/** The first page's response and the Range it was asked with. */
export interface FirstPage {
  readonly response: HerokuResponse<unknown>;
  readonly range: string | undefined;
}

function asItems(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  return body === undefined ? [] : [body];
}

/**
 * The result of a call. The first request starts at once.
 *
 * - `await call` (or `call.then`) gives the body; for a list, every item of
 *   every page in order, following Next-Range verbatim until it is absent.
 * - `await call.withResponse()` gives `{ body, status, headers, requestId,
 *   rateLimitRemaining, fromCache }`; for a list, the headers of the last page.
 * - `for await (const item of call)` streams a list page by page, holding about
 *   one page in memory; a single resource is yielded once.
 * - `for await (const page of call.pages())` gives each page's response.
 */
export class HerokuCall<T> implements PromiseLike<T>, AsyncIterable<ItemOf<T>> {
  readonly #first: Promise<FirstPage>;
  readonly #next: NextPage | undefined;
  #all: Promise<HerokuResponse<T>> | undefined;

  /**
   * @param first the first page, already requested
   * @param next fetches further pages; undefined when pages are not followed
   *   (not a list, or `partial`)
   */
  constructor(first: Promise<FirstPage>, next: NextPage | undefined) {
    this.#first = first;
    this.#next = next;
  }

  // biome-ignore lint/suspicious/noThenProperty: a call is awaitable by design, like a promise.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    const body = onFulfilled ? (r: HerokuResponse<T>) => onFulfilled(r.body) : pickBody;
    return this.withResponse().then(body as (r: HerokuResponse<T>) => A, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  /** The body with its status, headers, request id and RateLimit-Remaining. */
  withResponse(): Promise<HerokuResponse<T>> {
    this.#all ??= this.#collect();
    return this.#all;
  }

  /** Each page's response in order; stops after the page without Next-Range. */
  async *pages(): AsyncGenerator<HerokuResponse<ItemOf<T>[]>, void, undefined> {
    let { response: page, range } = await this.#first;
    for (;;) {
      range = this.#follow(page, range);
      // The next page is asked for while the caller works through this one, so
      // at most two pages are held; a caller who stops early costs one request.
      const next = range === undefined ? undefined : (this.#next as NextPage)(range);
      next?.catch(() => undefined);
      yield { ...page, body: asItems(page.body) as ItemOf<T>[] };
      if (next === undefined) return;
      page = await next;
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ItemOf<T>, void, undefined> {
    for await (const page of this.pages()) yield* page.body;
  }

  get [Symbol.toStringTag](): string {
    return 'HerokuCall';
  }

  #follow(page: HerokuResponse<unknown>, previous: string | undefined): string | undefined {
    if (this.#next === undefined || !Array.isArray(page.body)) return undefined;
    const range = page.headers['next-range'];
    // A Next-Range equal to the one just sent would loop forever.
    return range === undefined || range === '' || range === previous ? undefined : range;
  }

  async #collect(): Promise<HerokuResponse<T>> {
    const first = await this.#first;
    let page = first.response;
    let range = this.#follow(page, first.range);
    if (range === undefined) return page as HerokuResponse<T>;
    const items = (page.body as unknown[]).slice();
    while (range !== undefined) {
      page = await (this.#next as NextPage)(range);
      for (const item of asItems(page.body)) items.push(item);
      range = this.#follow(page, range);
    }
    return { ...page, body: items as T };
  }
}

function pickBody<T>(response: HerokuResponse<T>): T {
  return response.body;
}

/** A list call: awaiting gives every item, iterating streams them. */
export type ListResult<T> = HerokuCall<T[]>;
