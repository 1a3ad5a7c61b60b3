import type { Dispatcher } from 'undici';
import type { StreamConnectionOptions } from './api.js';
import { secureContextFor } from './tls-context.js';

/** Options of a stream GET. */
export interface StreamGetOptions extends StreamConnectionOptions {
  /** Extra request headers. Credentials are removed: stream URLs are capability URLs. */
  readonly headers?: Readonly<Record<string, string>>;
  /** An undici dispatcher (a proxy agent, say); otherwise undici's global one. */
  readonly dispatcher?: Dispatcher;
}

/** An open streaming response. */
export interface StreamResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: AsyncIterable<Uint8Array>;
  /** Releases the connection; safe to call more than once. */
  close(): void;
}

const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * Opens a GET whose body is read as it arrives. No API credential is ever sent: a stream
 * URL (a `logplex_url`, an `output_stream_url`) carries its own capability, and it may well
 * point at another host than the API.
 */
export async function getStream(
  url: string,
  accept: string,
  options: StreamGetOptions,
  extra: Readonly<Record<string, string>> = {},
): Promise<StreamResponse> {
  const undici = await import('undici');
  const headers: Record<string, string> = { accept, 'cache-control': 'no-cache' };
  for (const [name, value] of Object.entries({ ...options.headers, ...extra })) {
    if (!CREDENTIALS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }

  const own = await ownDispatcher(undici, options);
  try {
    const response = await undici.request(url, {
      method: 'GET',
      headers,
      signal: options.signal,
      dispatcher: own ?? options.dispatcher,
    });
    const type = response.headers['content-type'];
    return {
      status: response.statusCode,
      contentType: (Array.isArray(type) ? type[0] : type) ?? '',
      body: response.body,
      close() {
        // Destroying an unread undici body emits "Request aborted"; nobody needs to hear it.
        response.body.on('error', () => {});
        response.body.destroy();
        void own?.close();
      },
    };
  } catch (error) {
    void own?.close();
    throw error;
  }
}

async function ownDispatcher(
  undici: typeof import('undici'),
  options: StreamGetOptions,
): Promise<Dispatcher | undefined> {
  if (options.dispatcher) return undefined;
  const secureContext = await secureContextFor(options.ca);
  return secureContext ? new undici.Agent({ connect: { secureContext } }) : undefined;
}
