/**
 * The options of `new Heroku(options)`.
 */
import type { TokenOption } from './auth.js';
import type { CacheOption } from './cache.js';
import type { Logger } from './logger.js';
import type { Environment } from './proxy.js';
import type { PacingPolicy } from './rate-limit.js';
import type { RetryPolicy } from './retry.js';
import type { Transport } from './transport.js';

/** What a two-factor callback is told when the API asks for a second factor. */
export interface TwoFactorChallenge {
  readonly method: string;
  readonly path: string;
  /** The API's message, e.g. that the account has two-factor enabled. */
  readonly message: string;
  /** The app the API named in its error body, when it named one. */
  readonly app: string | undefined;
}

/** Asked once per request when a `two_factor` 403 arrives; returns the code to send. */
export type TwoFactorPrompt = (challenge: TwoFactorChallenge) => string | Promise<string>;

/** Header values; `null` or `undefined` removes a default header instead of sending text. */
export type HeaderOption = Readonly<Record<string, string | null | undefined>>;

/** Options of the client. All are optional. */
export interface HerokuOptions {
  /** A token, or a function returning one per request. Else HEROKU_API_KEY, else ~/.netrc. */
  readonly token?: TokenOption | undefined;
  /** The API root (default `https://api.heroku.com`); a path prefix is kept. */
  readonly baseUrl?: string | undefined;
  /** Headers sent with every request. */
  readonly headers?: HeaderOption | undefined;
  /** Default Accept variant, e.g. `3.sdk` or `sdk` (default plain `3`). */
  readonly variant?: string | undefined;
  /** Ms to wait for an answer per attempt (default 60000; 0 for no limit). */
  readonly timeout?: number | undefined;
  /** Retry policy overrides, `false` for no retries, or `true` for the defaults. */
  readonly retry?: Partial<RetryPolicy> | boolean | undefined;
  /** `{ pace: true }` spaces calls out before the rate limit runs dry. */
  readonly rateLimit?: ({ readonly pace: boolean } & Partial<PacingPolicy>) | undefined;
  /** The ETag cache: `true` for an in-memory LRU, or a store. Off by default. */
  readonly cache?: CacheOption | undefined;
  /** Receives debug traces and API warnings. */
  readonly logger?: Logger | undefined;
  /** Traces each request and response (also HEROKU_DEBUG=1). */
  readonly debug?: boolean | undefined;
  /** Also traces headers, secrets as `***` (also HEROKU_DEBUG_HEADERS=1). */
  readonly debugHeaders?: boolean | undefined;
  /** Your product name, put before the client's own User-Agent. */
  readonly userAgent?: string | undefined;
  /** Sends requests instead of undici, e.g. in tests. */
  readonly transport?: Transport | undefined;
  /** Proxy URL, or `false` to ignore the proxy environment variables. */
  readonly proxy?: string | false | undefined;
  /** Extra certificate authorities (PEM), trusted besides Node's own roots. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[] | undefined;
  /** Certificate checks stay on unless this is explicitly `false`. */
  readonly rejectUnauthorized?: boolean | undefined;
  /** Asked for a code when a call needs a second factor. */
  readonly twoFactor?: TwoFactorPrompt | undefined;
  /** heroku-client 3 name of `baseUrl`; a bare host name means https. */
  readonly host?: string | undefined;
  /** heroku-client 3 `'user:password'` credentials, sent as HTTP Basic instead of a token. */
  readonly auth?: string | undefined;
  /** `false` resolves every call to the body text (default true). */
  readonly parseJSON?: boolean | undefined;
  /** `true` makes every list call stop after its first page. */
  readonly partial?: boolean | undefined;
  /** Environment to read instead of `process.env` (read once, at construction). */
  readonly env?: Environment | undefined;
}

/** Every option name `HerokuOptions` knows. */
export const OPTION_NAMES: ReadonlySet<string> = new Set([
  'token',
  'baseUrl',
  'headers',
  'variant',
  'timeout',
  'retry',
  'rateLimit',
  'cache',
  'logger',
  'debug',
  'debugHeaders',
  'userAgent',
  'transport',
  'proxy',
  'ca',
  'rejectUnauthorized',
  'twoFactor',
  'env',
  'host',
  'auth',
  'parseJSON',
  'partial',
]);
