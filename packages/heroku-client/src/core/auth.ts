/**
 * Where the token comes from: the `token` option, else HEROKU_API_KEY, else the
 * netrc entry of the API host. The token identity used for the cache and the
 * rate-limit memory is a hash, so no store ever holds the token itself.
 */
import { HerokuUsageError } from './errors.js';
import { tokenFromNetrc } from './netrc.js';
import type { Environment } from './proxy.js';

/** A token, or a function that returns one (e.g. to refresh it). */
export type TokenOption = string | (() => string | undefined | Promise<string | undefined>);

async function hashToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return Buffer.from(digest).toString('base64url').slice(0, 22);
}

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

  /**
   * A short SHA-256 hash naming the token, or `anonymous` without one. Known at
   * once for the token seen last; computed (asynchronously) for a new one.
   */
  identity(token: string | undefined): string | Promise<string> {
    if (token === undefined) return 'anonymous';
    if (token === this.#lastToken) return this.#lastIdentity;
    return hashToken(token).then((identity) => {
      this.#lastToken = token;
      this.#lastIdentity = identity;
      return identity;
    });
  }
}
