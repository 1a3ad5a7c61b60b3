/**
 * A transport on Node's own `http`/`https` modules with keep-alive agents. It
 * answers the first requests of a process: Node's HTTP stack is already loaded,
 * while undici costs over 100 ms to import and keeps a short-lived process
 * alive while V8 compiles its WebAssembly parser. See `transport.ts`.
 */
import type { Agent, IncomingMessage, RequestOptions } from 'node:http';
import type { TransportRequest, TransportResponse } from './transport.js';

interface Stack {
  readonly request: typeof import('node:http').request;
  readonly agent: Agent;
  /** One connection per request, for calls that must not meet a stale pooled socket. */
  readonly fresh: Agent;
}

const stacks = new Map<string, Promise<Stack>>();

function stackFor(protocol: string): Promise<Stack> {
  const known = stacks.get(protocol);
  if (known !== undefined) return known;
  const stack: Promise<Stack> =
    protocol === 'https:'
      ? import('node:https').then((lib) => ({
          request: lib.request as Stack['request'],
          agent: new lib.Agent({ keepAlive: true }),
          fresh: new lib.Agent({ keepAlive: false }),
        }))
      : import('node:http').then((lib) => ({
          request: lib.request,
          agent: new lib.Agent({ keepAlive: true }),
          fresh: new lib.Agent({ keepAlive: false }),
        }));
  stacks.set(protocol, stack);
  return stack;
}

/** Sends one request over a keep-alive `node:http(s)` agent and reads the whole answer. */
export async function sendWithNodeHttp(request: TransportRequest): Promise<TransportResponse> {
  const url = new URL(request.origin);
  const { request: send, agent, fresh } = await stackFor(url.protocol);
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined)
    headers['content-length'] = String(Buffer.byteLength(request.body));
  const options: RequestOptions = {
    // A pooled socket the server has just closed fails a request that may not be
    // repeated; POST and PATCH get a connection of their own instead.
    agent: request.method === 'POST' || request.method === 'PATCH' ? fresh : agent,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port,
    path: request.path,
    method: request.method,
    headers,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.timeout > 0 ? { timeout: request.timeout } : {}),
  };

  return new Promise<TransportResponse>((resolve, reject) => {
    const req = send(options, (res: IncomingMessage) => {
      // Decoding as the chunks arrive holds one copy of the body, not three.
      res.setEncoding('utf8');
      let body = '';
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    // The timeout bounds silence on the socket, like undici's header and body timeouts.
    req.on('timeout', () => {
      req.destroy(Object.assign(new Error('no answer within the timeout'), { code: 'ETIMEDOUT' }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}
