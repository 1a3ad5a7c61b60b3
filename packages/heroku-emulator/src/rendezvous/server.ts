import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type TLSSocket } from 'node:tls';

/** What waits behind a rendezvous secret: usually a one-off dyno about to start. */
export interface RendezvousSession {
  /**
   * Called once, after the `rendezvous` greeting went out on its own, with the socket and
   * any bytes the client sent after its secret line. From then on the socket is the
   * session's: raw bytes both ways, and it closes the socket when its process exits.
   */
  attach(socket: TLSSocket, early: Buffer): void;
  /** Called when nobody presented the secret in time; the secret no longer works. */
  expire?(): void;
}

/** Options of the rendezvous server. */
export interface RendezvousServerOptions {
  /** Address to bind; loopback by default. */
  readonly host?: string;
  /** Port to bind; 0 picks a free one. */
  readonly port?: number;
  /** Host written into attach URLs; defaults to `host`, or 127.0.0.1 for a wildcard bind. */
  readonly advertisedHost?: string;
  readonly key: string | Buffer;
  readonly cert: string | Buffer;
  /**
   * Pause between the greeting and the first output byte. The official CLI discards the
   * whole first chunk it reads, so output must not share that chunk with the greeting.
   */
  readonly greetingDelayMs?: number;
  /** How long a registered secret waits for its client. */
  readonly secretTtlMs?: number;
}

/** A listening rendezvous server. */
export interface RendezvousServer {
  readonly port: number;
  /** Registers a session; the secret works for one connection only. */
  register(session: RendezvousSession): { secret: string; url: string };
  /** Voids a secret nobody used yet (its dyno was stopped first). */
  revoke(secret: string): void;
  /** Stops listening, drops pending secrets and destroys open connections. */
  close(): Promise<void>;
}

const MAX_SECRET_LINE = 4096;

/**
 * Starts a TLS rendezvous server and resolves once it listens. Protocol: the client sends
 * `<secret>\r\n` (a bare `\n` and a `?query` are tolerated), the server answers
 * `rendezvous\r\n` in a write of its own, then the session owns the byte stream.
 */
export async function createRendezvousServer(
  options: RendezvousServerOptions,
): Promise<RendezvousServer> {
  const host = options.host ?? '127.0.0.1';
  const pending = new Map<string, { session: RendezvousSession; timer: NodeJS.Timeout }>();
  const sockets = new Set<TLSSocket>();

  const server = createServer({ key: options.key, cert: options.cert }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    readSecretLine(socket, (secret, early) => {
      const entry = pending.get(secret);
      if (!entry) return socket.end();
      pending.delete(secret);
      clearTimeout(entry.timer);
      greet(socket, early, entry.session, options.greetingDelayMs ?? 300);
    });
  });
  // A failed handshake (e.g. an untrusted certificate on the client side) is the client's
  // business; it must not take the server down.
  server.on('tlsClientError', () => {});

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const wildcard = host === '0.0.0.0' || host === '::';
  const advertised = options.advertisedHost ?? (wildcard ? '127.0.0.1' : host);
  const urlHost = advertised.includes(':') ? `[${advertised}]` : advertised;

  return {
    port,
    register(session) {
      const secret = randomBytes(16).toString('hex');
      const timer = setTimeout(
        () => {
          pending.delete(secret);
          session.expire?.();
        },
        options.secretTtlMs ?? 5 * 60_000,
      );
      timer.unref();
      pending.set(secret, { session, timer });
      return { secret, url: `rendezvous://${urlHost}:${port}/${secret}` };
    },
    revoke(secret) {
      clearTimeout(pending.get(secret)?.timer);
      pending.delete(secret);
    },
    close() {
      for (const { timer } of pending.values()) clearTimeout(timer);
      pending.clear();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function readSecretLine(socket: TLSSocket, done: (secret: string, early: Buffer) => void): void {
  let buffered = Buffer.alloc(0);
  const onData = (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    const newline = buffered.indexOf(0x0a);
    if (newline < 0) {
      if (buffered.length > MAX_SECRET_LINE) socket.destroy();
      return;
    }
    socket.off('data', onData);
    const line = buffered.subarray(0, newline).toString('latin1').replace(/\r$/, '');
    const secret = line.replace(/^\//, '').split('?')[0] ?? '';
    done(secret, buffered.subarray(newline + 1));
  };
  socket.on('data', onData);
}

function greet(socket: TLSSocket, early: Buffer, session: RendezvousSession, delayMs: number) {
  const held: Buffer[] = [early];
  const hold = (chunk: Buffer) => held.push(chunk);
  socket.on('data', hold);

  socket.write('rendezvous\r\n', () => {
    const onClose = () => {
      clearTimeout(timer);
      session.expire?.();
    };
    const timer = setTimeout(() => {
      socket.off('data', hold);
      socket.off('close', onClose);
      session.attach(socket, Buffer.concat(held));
    }, delayMs);
    // A client that leaves during the pause never attaches: its session ends unused.
    socket.once('close', onClose);
  });
}
