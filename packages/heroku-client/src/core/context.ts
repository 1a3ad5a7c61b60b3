/**
 * Checks the client options once and turns them into the settings every request
 * reads, so the request path does no option or environment lookups of its own.
 */
import { TokenSource } from './auth.js';
import { certificatesFromEnv } from './ca-env.js';
import { type CacheStore, createCacheStore } from './cache.js';
import { HerokuUsageError } from './errors.js';
import { envSwitch, Log } from './logger.js';
import { checkClientOptions, fail } from './option-checks.js';
import type { HerokuOptions, TwoFactorPrompt } from './options.js';
import { type Environment, resolveProxy } from './proxy.js';
import { DEFAULT_PACING, type PacingPolicy, RateLimitMemory } from './rate-limit.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { createUndiciTransport, type Transport } from './transport.js';
import { userAgent } from './version.js';

/** The checked settings of one client. */
export interface ClientContext {
  readonly origin: string;
  /** Path prefix of `baseUrl` without a trailing slash, usually empty. */
  readonly basePath: string;
  readonly defaultAccept: string;
  /** Headers of every request, names in lower case. */
  readonly baseHeaders: Readonly<Record<string, string>>;
  readonly tokens: TokenSource;
  readonly send: Transport;
  readonly close: () => Promise<void>;
  readonly timeout: number;
  readonly retry: RetryPolicy;
  readonly pacing: PacingPolicy | undefined;
  readonly rate: RateLimitMemory;
  readonly cache: CacheStore | undefined;
  readonly log: Log;
  readonly twoFactor: TwoFactorPrompt | undefined;
  /** Client-wide defaults of the per-call options of the same names. */
  readonly parseJSON: boolean;
  readonly partial: boolean;
}

/** The Accept header for a variant: `3`, `3.sdk` or just `sdk`. */
export function acceptFor(variant: string | null | undefined): string {
  if (variant === undefined || variant === null || variant === '' || variant === '3') {
    return 'application/vnd.heroku+json; version=3';
  }
  const tag = variant.startsWith('3.') ? variant.slice(2) : variant;
  if (!/^[\w-]+$/.test(tag)) throw new HerokuUsageError(`invalid variant "${variant}"`);
  return `application/vnd.heroku+json; version=3.${tag}`;
}

function parseBaseUrl(options: HerokuOptions): URL {
  const { baseUrl, host } = options;
  if (host !== undefined && typeof host !== 'string') fail('`host` must be a string');
  // heroku-client 3 accepted `host` with or without a scheme.
  const value = baseUrl ?? (host && !/^https?:\/\//.test(host) ? `https://${host}` : host);
  let url: URL;
  try {
    url = new URL(value ?? 'https://api.heroku.com');
  } catch {
    fail(`\`baseUrl\` is not a URL: ${String(value)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('`baseUrl` must be http(s)');
  if (url.username !== '' || url.password !== '') fail('`baseUrl` must not contain credentials');
  return url;
}

function headersOf(options: HerokuOptions): Record<string, string> {
  const headers: Record<string, string> = {
    accept: acceptFor(options.variant),
    'user-agent': userAgent(options.userAgent),
  };
  if (options.auth !== undefined) {
    if (typeof options.auth !== 'string' || !options.auth.includes(':')) {
      fail('`auth` must be a "user:password" string');
    }
    headers.authorization = `Basic ${Buffer.from(options.auth).toString('base64')}`;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === null || value === undefined) delete headers[name.toLowerCase()];
    else if (typeof value !== 'string') fail(`header \`${name}\` must be a string`);
    else headers[name.toLowerCase()] = value;
  }
  return headers;
}

// Both are checked by checkClientOptions; `retry: true` means the defaults.
function retryOf(option: HerokuOptions['retry']): RetryPolicy {
  if (option === false) return { ...DEFAULT_RETRY, retries: 0 };
  return option === true ? DEFAULT_RETRY : { ...DEFAULT_RETRY, ...option };
}

function pacingOf(option: HerokuOptions['rateLimit']): PacingPolicy | undefined {
  if (option === undefined || !option.pace) return undefined;
  const policy = { ...DEFAULT_PACING, ...option };
  return { reserve: policy.reserve, interval: policy.interval };
}

// SSL_CERT_FILE and SSL_CERT_DIR can name hundreds of files: they are read on
// the first HTTPS connection that needs them, not when the client is built.
function caList(ca: HerokuOptions['ca'], env: Environment): () => (string | Buffer)[] {
  const list =
    ca === undefined ? [] : ((Array.isArray(ca) ? [...ca] : [ca]) as (string | Buffer)[]);
  let all: (string | Buffer)[] | undefined;
  return () => {
    all ??= list.concat(certificatesFromEnv(env));
    return all;
  };
}

/** Validates `options` and builds the client's settings; throws HerokuUsageError. */
export function createContext(options: HerokuOptions): ClientContext {
  if (typeof options !== 'object' || options === null) fail('options must be an object');
  checkClientOptions(options);
  const env = options.env ?? process.env;
  const api = parseBaseUrl(options);
  const debugHeaders = options.debugHeaders ?? envSwitch(env.HEROKU_DEBUG_HEADERS);
  const log = new Log(options.logger, options.debug ?? envSwitch(env.HEROKU_DEBUG), debugHeaders);
  const owned =
    options.transport === undefined
      ? createUndiciTransport({
          proxy: options.proxy === false ? undefined : (options.proxy ?? resolveProxy(api, env)),
          ca: caList(options.ca, env),
          rejectUnauthorized: options.rejectUnauthorized !== false,
        })
      : undefined;
  return {
    origin: api.origin,
    basePath: api.pathname.replace(/\/+$/, ''),
    defaultAccept: acceptFor(options.variant),
    baseHeaders: headersOf(options),
    tokens: new TokenSource(options.token, env, api),
    send: options.transport ?? (owned as { send: Transport }).send,
    close: owned?.close ?? (async () => {}),
    timeout: options.timeout ?? 60_000,
    retry: retryOf(options.retry),
    pacing: pacingOf(options.rateLimit),
    rate: new RateLimitMemory(),
    cache: createCacheStore(options.cache),
    log,
    twoFactor: options.twoFactor,
    parseJSON: options.parseJSON !== false,
    partial: options.partial === true,
  };
}
