/**
 * A small purpose-built HTTP server on port 0 that records every request and
 * answers through a handler the test supplies.
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as the server received it. */
export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Answers one request; `index` counts requests from 0. */
export type Handler = (req: Received, res: ServerResponse, index: number) => void;

/** A running test server. */
export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly requests: Received[];
  close(): Promise<void>;
}

/** Writes a JSON answer. */
export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

function listen(server: Server, scheme: string, handler: Handler): Promise<TestServer> {
  const requests: Received[] = [];
  server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const received = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(received);
      handler(received, res, requests.length - 1);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `${scheme}://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** Starts an HTTP test server on 127.0.0.1, port 0. */
export function startServer(handler: Handler): Promise<TestServer> {
  return listen(createServer(), 'http', handler);
}

/** Starts an HTTPS test server with the given key and certificate. */
export function startTlsServer(
  tls: { key: string; cert: string },
  handler: Handler,
): Promise<TestServer> {
  return listen(createTlsServer(tls), 'https', handler);
}
