/**
 * A call that starts once an asynchronous check has passed: actions with a body
 * load their resource's validator on first use, and nothing is sent until the
 * body is known to be valid. It answers like the core's `HerokuCall`.
 */
import type { HerokuCall, ItemOf } from '../core/call.js';
import type { HerokuResponse } from '../core/response.js';
import type { CallResult } from './call-types.js';

/** The started call, boxed: a `HerokuCall` is awaitable and a promise would adopt its body. */
export interface StartedCall<T> {
  readonly call: HerokuCall<T>;
}

export class DeferredCall<T> implements CallResult<T> {
  readonly #started: Promise<StartedCall<T>>;

  constructor(started: Promise<StartedCall<T>>) {
    this.#started = started;
    // The caller may only iterate, or never look; an early rejection must not
    // surface as unhandled before they do.
    started.catch(() => undefined);
  }

  // biome-ignore lint/suspicious/noThenProperty: a call is awaitable by design, like a promise.
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.withResponse()
      .then((response) => response.body)
      .then(onFulfilled, onRejected);
  }

  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected);
  }

  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally);
  }

  withResponse(): Promise<HerokuResponse<T>> {
    return this.#started.then(({ call }) => call.withResponse());
  }

  async *pages(): AsyncGenerator<HerokuResponse<ItemOf<T>[]>, void, undefined> {
    const { call } = await this.#started;
    yield* call.pages();
  }

  get [Symbol.toStringTag](): string {
    return 'HerokuCall';
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ItemOf<T>, void, undefined> {
    const { call } = await this.#started;
    yield* call;
  }
}
