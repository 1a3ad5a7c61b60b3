/**
 * A tiny proxy on port 0: it tunnels CONNECT requests and forwards requests
 * whose target is an absolute URL, recording each target and the
 * Proxy-Authorization it was given.
 */
import { createServer, request as httpRequest } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/** One use of the proxy. */
export interface ProxyUse {
  readonly method: string;
  readonly target: string;
  readonly proxyAuthorization: string | undefined;
}

/** A running proxy. */
export interface TestProxy {
  readonly url: string;
  readonly port: number;
  readonly uses: ProxyUse[];
  close(): Promise<void>;
}

/** Starts the proxy on 127.0.0.1, port 0. */
export function startProxy(): Promise<TestProxy> {
  const uses: ProxyUse[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    uses.push({
      method: req.method ?? '',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
    });
    const target = new URL(req.url ?? '');
    const { 'proxy-authorization': _, ...headers } = req.headers;
    const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(upstream);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    uses.push({
      method: 'CONNECT',
      target: req.url ?? '',
      proxyAuthorization: req.headers['proxy-authorization'],
    });
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        uses,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
