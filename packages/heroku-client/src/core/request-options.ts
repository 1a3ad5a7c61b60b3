/**
 * The options of one call, and their checking: every mistake is reported
 * before anything is sent.
 */
import type { LinkSpec } from '../resources/link-spec.js';
import { acceptFor } from './context.js';
import { HerokuUsageError } from './errors.js';
import { checkCallOptions, isPlainObject } from './option-checks.js';
import type { HeaderOption } from './options.js';

/** A query-string value; `null` and `undefined` are left out. */
export type QueryValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number)[];

/** The options of one call. Only `path` is required. */
export interface RequestOptions {
  /** HTTP method, any case (default GET). */
  readonly method?: string | undefined;
  /** Path below the API root; must start with `/`. */
  readonly path: string;
  /** Sent as JSON; a string is sent as it is. */
  readonly body?: unknown;
  /** Appended to the path as a query string. */
  readonly query?: Readonly<Record<string, QueryValue>> | undefined;
  /** Extra headers for this call; `null` removes a default one. */
  readonly headers?: HeaderOption | undefined;
  /** A Range header for the first page of a list, e.g. `name ..; max=10, order=desc`. */
  readonly range?: string | undefined;
  /** Stop after the first page of a list. */
  readonly partial?: boolean | undefined;
  /** Accept variant for this call, e.g. `3.sdk`; overrides the client's. */
  readonly variant?: string | null | undefined;
  /** Cancels the call, retries and waits included. */
  readonly signal?: AbortSignal | undefined;
  /** The route-table link this call belongs to; decides list-ness and the Range field. */
  readonly link?: LinkSpec | undefined;
  /** A second-factor code for this call only. */
  readonly twoFactorCode?: string | undefined;
  /** Per-attempt timeout in ms, overriding the client's. */
  readonly timeout?: number | undefined;
  /** `false` resolves to the body text instead of parsed JSON. */
  readonly parseJSON?: boolean | undefined;
}

/** A node-style callback, called once with an error or the result. */
export type Callback<T> = (error: Error | null, result?: T) => void;

/** A call, checked and ready to send. */
export interface PreparedRequest {
  readonly method: string;
  /** Path with its query string, below the API root. */
  readonly path: string;
  readonly body: string | undefined;
  readonly headers: Readonly<Record<string, string>> | undefined;
  readonly removed: readonly string[] | undefined;
  readonly accept: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly twoFactorCode: string | undefined;
  readonly timeout: number | undefined;
  readonly parseJSON: boolean;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']);

// Every key of RequestOptions: anything else (a client option such as `token`
// given to one call) is refused rather than silently ignored.
const CALL_OPTIONS = new Set([
  'method',
  'path',
  'body',
  'query',
  'headers',
  'range',
  'partial',
  'variant',
  'signal',
  'link',
  'twoFactorCode',
  'timeout',
  'parseJSON',
]);

function fail(message: string): never {
  throw new HerokuUsageError(message);
}

function serialise(body: unknown, where: string): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    fail(`${where}: the body cannot be sent as JSON (${(error as Error).message})`);
  }
  if (text === undefined) fail(`${where}: the body cannot be sent as JSON (${typeof body})`);
  return text;
}

function withQuery(path: string, query: RequestOptions['query'], where: string): string {
  if (query === undefined) return path;
  if (typeof query !== 'object' || query === null) fail(`${where}: \`query\` must be an object`);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) params.append(name, String(item));
    else if (typeof value === 'object') fail(`${where}: query value \`${name}\` is an object`);
    else params.append(name, String(value));
  }
  const text = params.toString();
  if (text === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${text}`;
}

function splitHeaders(headers: HeaderOption | undefined, where: string) {
  if (headers === undefined) return { headers: undefined, removed: undefined };
  if (!isPlainObject(headers)) fail(`${where}: \`headers\` must be a plain object`);
  const kept: Record<string, string> = {};
  const removed: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === null || value === undefined) removed.push(name.toLowerCase());
    else if (typeof value !== 'string') fail(`${where}: header \`${name}\` must be a string`);
    else kept[name.toLowerCase()] = value;
  }
  return { headers: kept, removed: removed.length > 0 ? removed : undefined };
}

function hasWhitespace(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Checks a call's options and prepares them; throws HerokuUsageError on any mistake. */
export function prepareRequest(options: RequestOptions, parseJSON = true): PreparedRequest {
  if (typeof options !== 'object' || options === null) fail('request options must be an object');
  if (options.method !== undefined && typeof options.method !== 'string') {
    fail('the HTTP method must be a string');
  }
  const method = (options.method ?? 'GET').toUpperCase();
  if (!METHODS.has(method)) fail(`unsupported HTTP method "${options.method}"`);
  const { path } = options;
  const unknown = Object.keys(options).filter((key) => !CALL_OPTIONS.has(key));
  if (unknown.length > 0) {
    fail(
      `${method} ${path}: unknown option(s) ${unknown.join(', ')}; client options belong to new Heroku()`,
    );
  }
  if (typeof path !== 'string' || !path.startsWith('/')) {
    fail(`${method}: the path must be a string starting with "/" (got ${JSON.stringify(path)})`);
  }
  if (hasWhitespace(path)) fail(`${method} ${JSON.stringify(path)}: the path contains whitespace`);
  const where = `${method} ${path}`;
  checkCallOptions(options, where);
  const { headers, removed } = splitHeaders(options.headers, where);
  return {
    method,
    path: withQuery(path, options.query, where),
    body: serialise(options.body, where),
    headers,
    removed,
    accept: options.variant === undefined ? undefined : acceptFor(options.variant),
    signal: options.signal,
    twoFactorCode: options.twoFactorCode,
    timeout: options.timeout,
    parseJSON: options.parseJSON ?? parseJSON,
  };
}

/** Throws unless `callback` is a function or absent. */
export function checkCallback(callback: unknown): void {
  if (callback !== undefined && typeof callback !== 'function') {
    fail('the callback must be a function');
  }
}
