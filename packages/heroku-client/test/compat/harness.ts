/**
 * The server of the heroku-client 3 compatibility suites: a fresh emulator
 * behind a pass-through that records what each request carried. The emulator
 * answers every call; the record lets a test check the wire itself (a Range
 * header, If-None-Match, a header the caller removed), which the emulator's
 * answers alone cannot show.
 *
 * The suites in plain JavaScript import this module from the build output.
 */
import { createServer, type IncomingHttpHeaders, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startEmulator } from 'heroku-emulator';

/** One request as it reached the server. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** Numbers the connection the request came on, so reuse can be seen. */
  readonly connection: number;
  /** The status the emulator answered with; undefined until it answers. */
  status: number | undefined;
}

/** A running emulator with its recording front. */
export interface CompatServer {
  /** Base URL of the recording front, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** Token of the emulator's account. */
  readonly token: string;
  /** Every request so far, oldest first. */
  readonly requests: SeenRequest[];
  /** The requests made since `requests` had `count` entries. */
  since(count: number): SeenRequest[];
  /** Stops the front and the emulator, ending their connections. */
  stop(): Promise<void>;
}

/** Starts a fresh emulator on a free port and a recording front before it. */
export async function startCompatServer(): Promise<CompatServer> {
  const emulator = await startEmulator({ port: 0 });
  const requests: SeenRequest[] = [];
  let opened = 0;
  const connections = new WeakMap<object, number>();
  const front = createServer((req, res) => {
    if (!connections.has(req.socket)) connections.set(req.socket, opened++);
    const connection = connections.get(req.socket) as number;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '/';
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path,
        headers: req.headers,
        connection,
        status: undefined,
      };
      requests.push(seen);
      const upstream = request(
        `${emulator.url}${path}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          seen.status = answer.statusCode;
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  const { port } = front.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token: emulator.token,
    requests,
    since: (count) => requests.slice(count),
    async stop() {
      front.closeAllConnections();
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await emulator.stop();
    },
  };
}
