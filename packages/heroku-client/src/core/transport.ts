/**
 * The transport sends one HTTP request and reads the whole answer. The default
 * one is built on undici's dispatcher API with keep-alive connections, the
 * fastest measured on Node under load. undici is not free to start, though: it
 * costs over 100 ms to import, and a process that used it waits for V8 to
 * compile its WebAssembly parser before it can exit. So a client with plain
 * connection settings answers its first requests over Node's own HTTP stack and
 * moves to undici once the traffic shows it will pay off (a few dozen requests,
 * or several in flight at once): a script that makes one call stays as quick as
 * one built on `node:http`, and a busy client runs at undici's speed. Pages of a
 * list do not count: a list is walked one page at a time, where `node:http` is as
 * fast as undici and holds less memory, so a script that lists 10,000 apps would
 * only pay undici's start-up in the middle of its walk.
 */
import type { Dispatcher } from 'undici';
import { defaultCertificates } from './ca-env.js';
import { sendWithNodeHttp } from './node-http.js';

/** One request as the pipeline hands it to a transport. */
export interface TransportRequest {
  /** Scheme, host and port, e.g. `https://api.heroku.com`. */
  readonly origin: string;
  /** Path and query string, starting with `/`. */
  readonly path: string;
  readonly method: string;
  /** Header names in lower case. */
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  /** Milliseconds to wait for the answer (headers, then each body chunk); 0 for no limit. */
  readonly timeout: number;
}

/** The answer a transport resolves to. */
export interface TransportResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers may be arrays. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The whole body as text. */
  readonly body: string;
}

/**
 * Sends a request. Inject one through the `transport` option to record or stub
 * traffic; it must reject for failures below HTTP and resolve for every status.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

/** How the default transport connects. */
export interface ConnectionSettings {
  /** Proxy URL, already resolved from options and environment. */
  readonly proxy: string | undefined;
  /** Extra certificate authorities, added to Node's own roots (read on first need). */
  readonly ca: () => readonly (string | Buffer)[];
  readonly rejectUnauthorized: boolean;
}

/** The default transport and a way to release its connections. */
export interface OwnedTransport {
  readonly send: Transport;
  close(): Promise<void>;
}

type Undici = typeof import('undici');
let undici: Promise<Undici> | undefined;
let sharedAgent: Dispatcher | undefined;

const KEEP_ALIVE = { keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 };

/**
 * Requests (other than list pages) sent over node:http before undici is loaded,
 * and the calls in flight that load it early.
 */
const UNDICI_AFTER_REQUESTS = 32;
const UNDICI_AT_IN_FLIGHT = 4;
let startupRequests = 0;
let startupInFlight = 0;

function loadUndici(): Promise<Undici> {
  undici ??= import('undici');
  return undici;
}

// Plain connections need nothing but Node's defaults: no proxy and, for HTTPS,
// no extra certificate authorities and certificate checks on.
function isPlain(settings: ConnectionSettings, origin: string): boolean {
  if (settings.proxy !== undefined) return false;
  if (origin.startsWith('http:')) return true;
  return settings.rejectUnauthorized && settings.ca().length === 0;
}

function createDispatcher(
  lib: Undici,
  settings: ConnectionSettings,
  defaults: readonly string[],
): Dispatcher {
  // Passing `ca` replaces Node's trust, so the extra ones are appended to it.
  const extra = settings.ca();
  const tls = {
    ...(extra.length > 0 ? { ca: [...defaults, ...extra] } : {}),
    rejectUnauthorized: settings.rejectUnauthorized,
  };
  if (settings.proxy !== undefined) {
    return new lib.ProxyAgent({
      uri: settings.proxy,
      requestTls: tls,
      proxyTls: tls,
      ...KEEP_ALIVE,
    });
  }
  return new lib.Agent({ connect: tls, ...KEEP_ALIVE });
}

/**
 * Creates the undici transport. Clients with default connection settings share
 * one keep-alive agent, so several `Heroku` instances reuse the same sockets.
 */
export function createUndiciTransport(settings: ConnectionSettings): OwnedTransport {
  // Decided on the first request, which names the API's origin.
  let plain: boolean | undefined;
  let own: Dispatcher | undefined;

  async function dispatcher(): Promise<Dispatcher> {
    const lib = await loadUndici();
    if (plain) {
      sharedAgent ??= createDispatcher(lib, settings, []);
      return sharedAgent;
    }
    if (own === undefined) {
      // node:tls is loaded only by clients that add certificate authorities.
      const tls = settings.ca().length > 0 ? await import('node:tls') : undefined;
      own ??= createDispatcher(lib, settings, tls === undefined ? [] : defaultCertificates(tls));
    }
    return own;
  }

  function warmUp(): void {
    dispatcher().catch(() => undefined);
  }

  async function send(request: TransportRequest): Promise<TransportResponse> {
    plain ??= isPlain(settings, request.origin);
    if (plain && sharedAgent === undefined) {
      // List calls, and only they, carry a Range header.
      if (request.headers.range === undefined) startupRequests += 1;
      if (startupRequests > UNDICI_AFTER_REQUESTS || startupInFlight >= UNDICI_AT_IN_FLIGHT) {
        warmUp();
      }
      startupInFlight += 1;
      try {
        return await sendWithNodeHttp(request);
      } finally {
        startupInFlight -= 1;
      }
    }
    const target = (plain ? sharedAgent : own) ?? (await dispatcher());
    const answer = await target.request({
      origin: request.origin,
      path: request.path,
      method: request.method as Dispatcher.HttpMethod,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      headersTimeout: request.timeout,
      bodyTimeout: request.timeout,
    });
    const body = await answer.body.text();
    return { status: answer.statusCode, headers: answer.headers, body };
  }

  async function close(): Promise<void> {
    const target = own;
    own = undefined;
    await target?.close();
  }

  return { send, close };
}
