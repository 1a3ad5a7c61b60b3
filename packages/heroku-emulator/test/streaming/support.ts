import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type TLSSocket } from 'node:tls';
import { createStreamingHooks, type StreamingHooks } from '../../src/streams/index.js';

/** One data directory per test process: the certificate is made once and reused. */
export const dataDir = mkdtempSync(join(tmpdir(), 'heroku-emulator-streaming-'));

/** A running streaming side behind a real HTTP server on port 0. */
export interface StreamingFixture {
  readonly hooks: StreamingHooks;
  readonly baseUrl: string;
  /** Headers of every request the HTTP server received. */
  readonly requests: IncomingHttpHeaders[];
  /** Cuts every open HTTP connection, as a network drop would. */
  dropConnections(): void;
  close(): Promise<void>;
}

/** Starts the hooks and an HTTP server that routes stream paths to them. */
export async function startStreaming(
  options: { exec?: boolean; onRequest?: (path: string) => void } = {},
): Promise<StreamingFixture> {
  const { onRequest, ...rest } = options;
  let baseUrl = '';
  const hooks = await createStreamingHooks({
    baseUrl: () => baseUrl,
    dataDir,
    greetingDelayMs: 5,
    ...rest,
  });
  const requests: IncomingHttpHeaders[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push(req.headers);
    onRequest?.(req.url ?? '');
    if (!hooks.handleStreamRequest(req, res)) res.writeHead(404).end('not a stream path');
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    hooks,
    baseUrl,
    requests,
    dropConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
    async close() {
      await hooks.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What a raw rendezvous client saw. */
export interface RawSession {
  /** Data chunks in the order they arrived. */
  readonly chunks: string[];
  /** Everything after the greeting. */
  readonly output: string;
}

/**
 * Connects to an attach URL as the official CLI does: TLS checked against the emulator's
 * CA, the secret line, then `input` once the first chunk (the greeting) has arrived.
 */
export function rawAttach(
  attachUrl: string,
  hooks: StreamingHooks,
  options: { input?: string; secretLine?: string; onFirst?: (socket: TLSSocket) => void } = {},
): Promise<RawSession> {
  const url = new URL(attachUrl);
  const socket = connect({
    host: url.hostname,
    port: Number(url.port),
    ca: readFileSync(hooks.caFile),
  });
  const chunks: string[] = [];

  socket.on('secureConnect', () => {
    socket.write(options.secretLine ?? `${url.pathname.slice(1)}\r\n`);
  });
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk.toString());
    if (chunks.length > 1) return;
    if (options.input !== undefined) socket.write(options.input);
    options.onFirst?.(socket);
  });
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', () => resolve({ chunks, output: chunks.slice(1).join('') }));
  });
}

/** The marker the official CLI appends to commands for `--exit-code`. */
export const MARKER = ' ; echo "\uFFFF heroku-command-exit-status: $?"';
