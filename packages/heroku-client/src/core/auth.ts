/**
 * Where the token comes from: the `token` option, else HEROKU_API_KEY, else the
 * netrc entry of the API host. The token identity used for the cache and the
 * rate-limit memory is a hash, so no store ever holds the token itself.
 */
import { createHash } from 'node:crypto';
import { HerokuUsageError } from './errors.js';
import { tokenFromNetrc } from './netrc.js';
import type { Environment } from './proxy.js';

/** A token, or a function that returns one (e.g. to refresh it). */
export type TokenOption = string | (() => string | undefined | Promise<string | undefined>);

/** Resolves the token for each request and names it without revealing it. */
export class TokenSource {
  readonly #provider: (() => string | undefined | Promise<string | undefined>) | undefined;
  #fixed: string | undefined;
  #netrcPending: { env: Environment; host: string; hostname: string } | undefined;
  #lastToken: string | undefined;
  #lastIdentity = 'anonymous';

  constructor(option: TokenOption | undefined, env: Environment, api: URL) {
    if (typeof option === 'function') {
      this.#provider = option;
    } else if (option !== undefined && option !== '') {
      this.#fixed = option;
    } else if (env.HEROKU_API_KEY) {
      this.#fixed = env.HEROKU_API_KEY;
    } else {
      // The netrc file is read on the first request, not at construction.
      this.#netrcPending = { env, host: api.host, hostname: api.hostname };
    }
  }

  /** The token for the next request; a value when it is known without waiting. */
  current(): string | undefined | Promise<string | undefined> {
    if (this.#provider !== undefined) return this.#fromProvider();
    if (this.#netrcPending !== undefined) {
      const { env, host, hostname } = this.#netrcPending;
      this.#netrcPending = undefined;
      this.#fixed = tokenFromNetrc(env, host, hostname);
    }
    return this.#fixed;
  }

  async #fromProvider(): Promise<string | undefined> {
    const token = await (this.#provider as () => unknown)();
    if (token === undefined || token === null || token === '') return undefined;
    if (typeof token !== 'string') {
      throw new HerokuUsageError('the `token` function must return a string');
    }
    return token;
  }

  /** A short hash naming the token, or `anonymous` without one. */
  identity(token: string | undefined): string {
    if (token === undefined) return 'anonymous';
    if (token !== this.#lastToken) {
      this.#lastToken = token;
      this.#lastIdentity = createHash('sha256').update(token).digest('base64url').slice(0, 22);
    }
    return this.#lastIdentity;
  }
}
