/**
 * The types every generated chain node and action uses. Kept apart from the
 * generated code so that the chain interfaces stay small.
 */

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

/** What a single call answers: a promise of the typed body. */
export type ResultPromise<T> = Promise<T>;

/** What a list call answers: awaitable (every item) and async-iterable (page by page). */
export interface ListResult<T> extends PromiseLike<T[]>, AsyncIterable<T> {}

/** Options of the plain verbs every node offers on its own path. */
export interface VerbOptions extends CallOptions {
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, unknown>>;
}

/** What every chain node offers, whatever links the schema gives it. */
export interface FluentNode {
  /** The node's path, with its path values encoded. */
  readonly path: string;
  get<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  post<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  put<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  patch<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
  delete<T = unknown>(options?: VerbOptions | Callback<T>, callback?: Callback<T>): ResultPromise<T>;
}
