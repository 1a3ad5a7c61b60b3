/**
 * The types every generated chain node and action uses. Kept apart from the
 * generated code so that the chain interfaces stay small.
 */
import type { ItemOf } from '../core/call.js';
import type { QueryValue } from '../core/request-options.js';
import type { HerokuResponse } from '../core/response.js';

/** A path value: an id, a name, or a number such as a release version. */
export type PathValue = string | number;

/** A node-style callback, called once with an error or the result. */
export type Callback<T> = (error: Error | null, result?: T) => void;

/** Per-call options an action accepts after its body. */
export interface CallOptions {
  /** Extra request headers; `null` removes a default header. */
  readonly headers?: Readonly<Record<string, string | null | undefined>>;
  /** Cancels the call. */
  readonly signal?: AbortSignal;
  /** A `Range` header for the first page of a list. */
  readonly range?: string;
  /** Stop a list after its first page. */
  readonly partial?: boolean;
  /** Send another variant than the link's own (e.g. `3.webhooks`). */
  readonly variant?: string;
  /** A second-factor code for this request only. */
  readonly twoFactorCode?: string;
  /** Milliseconds before the call fails with a timeout error. */
  readonly timeout?: number;
}

/**
 * What every call answers: awaitable like a promise of the typed body, with
 * `withResponse()` for the status, headers, request id and RateLimit-Remaining,
 * and async-iterable over a list's items page by page.
 */
export interface CallResult<T> extends Promise<T>, AsyncIterable<ItemOf<T>> {
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B>;
  finally(onFinally?: (() => void) | null): Promise<T>;
  withResponse(): Promise<HerokuResponse<T>>;
  pages(): AsyncGenerator<HerokuResponse<ItemOf<T>[]>, void, undefined>;
  readonly [Symbol.toStringTag]: string;
}

/** What a single call answers. */
export type ResultPromise<T> = CallResult<T>;

/** What a list call answers: awaiting gives every item, iterating streams them. */
export type ListResult<T> = CallResult<T[]>;

/** Options of the plain verbs every node offers on its own path. */
export interface VerbOptions extends CallOptions {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, QueryValue>>;
}

/** What every chain node offers, whatever links the schema gives it. */
export interface FluentNode {
  /** The node's path, with its path values encoded. */
  readonly path: string;
  get<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  post<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  put<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  patch<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  delete<T = unknown>(
    options?: VerbOptions | Callback<T>,
    callback?: Callback<T>,
  ): ResultPromise<T>;
}
