import type { TLSSocket } from 'node:tls';
import type { StreamConnectionOptions } from './api.js';
import { secureContextFor } from './tls-context.js';

/** Where an `attach_url` points. */
export interface RendezvousTarget {
  readonly host: string;
  readonly port: number;
  /** What the client sends first: the URL's path without its `/`, plus any query. */
  readonly secretLine: string;
}

/** The rendezvous service misbehaved or refused the connection. */
export class RendezvousError extends Error {
  override readonly name = 'RendezvousError';
}

/** Parses `rendezvous://host:port/secret`; HTTP attach URLs (Shield, Fir) are not handled. */
export function parseAttachUrl(attachUrl: unknown): RendezvousTarget {
  if (typeof attachUrl !== 'string') throw new RendezvousError('the dyno has no attach_url');
  const url = new URL(attachUrl);
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    throw new RendezvousError('HTTP attach URLs (Shield and Fir spaces) are not supported');
  }
  if (!url.port) throw new RendezvousError(`attach_url has no port: ${url.protocol}//${url.host}`);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port),
    secretLine: `${url.pathname.replace(/^\//, '')}${url.search}\r\n`,
  };
}

/**
 * Opens the TLS connection, sends the secret line and waits for the `rendezvous` greeting.
 * Resolves with the socket (paused) and any bytes that came after the greeting. The certificate is
 * always checked; `ca` adds authorities to Node's roots.
 */
export async function openRendezvous(
  target: RendezvousTarget,
  options: StreamConnectionOptions,
): Promise<{ socket: TLSSocket; rest: Buffer }> {
  const tls = await import('node:tls');
  const secureContext = await secureContextFor(options.ca);
  const socket = tls.connect({ host: target.host, port: target.port, secureContext });

  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const fail = (error: Error) => {
      cleanup();
      socket.destroy();
      reject(error);
    };
    const onAbort = () => fail(options.signal?.reason ?? new Error('aborted'));
    const onClose = () => fail(new RendezvousError('connection closed before the greeting'));
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const newline = buffered.indexOf(0x0a);
      if (newline < 0) {
        if (buffered.length > 256) fail(new RendezvousError('no rendezvous greeting'));
        return;
      }
      const greeting = buffered.subarray(0, newline).toString().trim();
      if (greeting !== 'rendezvous') return fail(new RendezvousError('no rendezvous greeting'));
      cleanup();
      // Paused so that nothing is emitted before the caller listens; it resumes the socket.
      socket.pause();
      resolve({ socket, rest: buffered.subarray(newline + 1) });
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('error', fail);
      socket.off('close', onClose);
      options.signal?.removeEventListener('abort', onAbort);
    };

    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('data', onData);
    socket.on('error', fail);
    socket.on('close', onClose);
    socket.once('secureConnect', () => socket.write(target.secretLine));
  });
}
