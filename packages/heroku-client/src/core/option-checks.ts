/**
 * Type checks of the client options and of the options of one call. A value of
 * the wrong type is refused with a HerokuUsageError naming the option and what
 * it must be, before anything is sent: left alone, it would fail later inside a
 * request (a retry wait, a TLS handshake) or be ignored without a word. Values
 * are never echoed, since a proxy URL or a header may hold credentials.
 */
import { HerokuUsageError } from './errors.js';
import { type HerokuOptions, OPTION_NAMES } from './options.js';

/** Throws the usage error of a bad client option. */
export function fail(message: string): never {
  throw new HerokuUsageError(`invalid Heroku option: ${message}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for `{...}` and `Object.create(null)`, not for arrays, Maps or Headers. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Throws unless `value` is absent or a number of at least 0 (NaN is not). */
export function checkNumber(name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= 0))) {
    fail(`\`${name}\` must be a number of at least 0`);
  }
}

function checkType(options: HerokuOptions, names: readonly string[], type: string): void {
  for (const name of names) {
    const value = (options as Record<string, unknown>)[name];
    if (value !== undefined && typeof value !== type) fail(`\`${name}\` must be a ${type}`);
  }
}

function isCertificate(value: unknown): boolean {
  return typeof value === 'string' || Buffer.isBuffer(value);
}

function checkConnection({ proxy, ca }: HerokuOptions): void {
  if (proxy !== undefined && proxy !== false && !isHttpUrl(proxy)) {
    fail('`proxy` must be false or an http(s) URL string');
  }
  if (ca !== undefined && !isCertificate(ca) && !(Array.isArray(ca) && ca.every(isCertificate))) {
    fail('`ca` must be a PEM string, a Buffer, or an array of them');
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

// The three methods Log calls; a logger needs one of them, and none may be a
// non-function, which would throw in the middle of a request.
const LOGGER_METHODS = ['debug', 'warn', 'log'] as const;

function checkLogger(logger: unknown): void {
  if (logger === undefined) return;
  if (typeof logger !== 'object' || logger === null) {
    fail('`logger` must be an object with a debug, warn or log function');
  }
  const given = LOGGER_METHODS.filter((name) => (logger as Record<string, unknown>)[name] != null);
  if (given.length === 0) fail('`logger` must have a debug, warn or log function');
  for (const name of given) {
    if (typeof (logger as Record<string, unknown>)[name] !== 'function') {
      fail(`\`logger.${name}\` must be a function`);
    }
  }
}

function checkFields(name: string, value: Record<string, unknown>, known: readonly string[]) {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) fail(`unknown option \`${name}.${key}\``);
  }
}

const BOOLEANS = ['debug', 'debugHeaders', 'parseJSON', 'partial', 'rejectUnauthorized'];

const RETRY_NUMBERS = ['retries', 'minDelay', 'maxDelay', 'deadline'] as const;

function checkRetry(retry: unknown): void {
  if (retry === undefined || typeof retry === 'boolean') return;
  if (!isObject(retry)) fail('`retry` must be false, true or an object of retry settings');
  checkFields('retry', retry, [...RETRY_NUMBERS, 'statuses', 'onRetry']);
  for (const name of RETRY_NUMBERS) checkNumber(`retry.${name}`, retry[name]);
  const { statuses, onRetry } = retry;
  if (statuses !== undefined && !(Array.isArray(statuses) && statuses.every(Number.isInteger))) {
    fail('`retry.statuses` must be an array of HTTP status numbers');
  }
  if (onRetry !== undefined && typeof onRetry !== 'function') {
    fail('`retry.onRetry` must be a function');
  }
}

function checkRateLimit(rateLimit: unknown): void {
  if (rateLimit === undefined) return;
  if (!isObject(rateLimit)) fail('`rateLimit` must be an object such as { pace: true }');
  checkFields('rateLimit', rateLimit, ['pace', 'reserve', 'interval']);
  if (rateLimit.pace !== undefined && typeof rateLimit.pace !== 'boolean') {
    fail('`rateLimit.pace` must be a boolean');
  }
  checkNumber('rateLimit.reserve', rateLimit.reserve);
  checkNumber('rateLimit.interval', rateLimit.interval);
}

/** Checks the name and type of every client option; throws HerokuUsageError. */
export function checkClientOptions(options: HerokuOptions): void {
  for (const key of Object.keys(options)) {
    if (!OPTION_NAMES.has(key)) fail(`unknown option \`${key}\``);
  }
  const { token, headers, env } = options;
  if (token !== undefined && typeof token !== 'string' && typeof token !== 'function') {
    fail('`token` must be a string or a function');
  }
  checkType(options, ['transport', 'twoFactor'], 'function');
  checkType(options, ['variant', 'userAgent'], 'string');
  checkType(options, BOOLEANS, 'boolean');
  if (headers !== undefined && !isPlainObject(headers)) fail('`headers` must be a plain object');
  if (env !== undefined && !isObject(env)) fail('`env` must be an object like process.env');
  checkNumber('timeout', options.timeout);
  checkConnection(options);
  checkLogger(options.logger);
  checkRetry(options.retry);
  checkRateLimit(options.rateLimit);
}

// Duck-typed rather than `instanceof AbortSignal`, so that a signal made in
// another realm (a vm context, a test sandbox) still works; these are the
// members the client and both transports use.
function isSignal(value: unknown): value is AbortSignal {
  const signal = value as AbortSignal;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof signal.aborted === 'boolean' &&
    typeof signal.addEventListener === 'function' &&
    typeof signal.removeEventListener === 'function'
  );
}

/** What the per-call options checked here may hold. */
interface CallTypes {
  readonly range?: unknown;
  readonly partial?: unknown;
  readonly parseJSON?: unknown;
  readonly twoFactorCode?: unknown;
  readonly variant?: unknown;
  readonly timeout?: unknown;
  readonly signal?: unknown;
}

/** Checks the types of one call's options; `where` names the call in the message. */
export function checkCallOptions(options: CallTypes, where: string): void {
  const bad = (message: string): never => {
    throw new HerokuUsageError(`${where}: ${message}`);
  };
  const { range, partial, parseJSON, twoFactorCode, variant, timeout, signal } = options;
  if (range !== undefined && typeof range !== 'string') bad('`range` must be a string');
  if (partial !== undefined && typeof partial !== 'boolean') bad('`partial` must be a boolean');
  if (parseJSON !== undefined && typeof parseJSON !== 'boolean') {
    bad('`parseJSON` must be a boolean');
  }
  if (twoFactorCode !== undefined && typeof twoFactorCode !== 'string') {
    bad('`twoFactorCode` must be a string');
  }
  if (variant !== undefined && variant !== null && typeof variant !== 'string') {
    bad('`variant` must be a string or null');
  }
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout >= 0))) {
    bad('`timeout` must be a number of at least 0');
  }
  if (signal !== undefined && !isSignal(signal)) bad('`signal` must be an AbortSignal');
}
