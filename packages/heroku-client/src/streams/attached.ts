import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';
import { appPath, type StreamConnectionOptions, type StreamingApi } from './api.js';
import { EXIT_MARKER_SUFFIX, ExitMarkerFilter } from './exit-marker.js';
import { openRendezvous, parseAttachUrl, RendezvousError } from './rendezvous.js';

/** What to run, and how. */
export interface RunAttachedOptions extends StreamConnectionOptions {
  readonly command: string;
  /** Extra environment for the command (on top of the app's config vars). */
  readonly env?: Readonly<Record<string, string>>;
  readonly size?: string;
  /** Process type of the one-off dyno (`run` by default on the API side). */
  readonly type?: string;
  /** Seconds before the platform stops the dyno. */
  readonly timeToLive?: number;
  /** Ask for a terminal; off by default, which sends `force_no_tty`. */
  readonly tty?: boolean;
  /** The command's stdin; EOT (0x04) is sent when it ends. None: an empty stdin. */
  readonly stdin?: string | Uint8Array | AsyncIterable<string | Uint8Array>;
  /** Learn the exit status through the marker appended to the command; true by default. */
  readonly exitCode?: boolean;
}

/** The dyno record the API answered with. */
export interface AttachedDyno {
  readonly name?: string;
  readonly attach_url?: string | null;
  readonly [field: string]: unknown;
}

/** A running attached one-off dyno. Iterate it (or read `output`) for its output. */
export interface AttachedRun extends AsyncIterable<Buffer> {
  /** The merged stdout and stderr of the command, the exit marker taken out. */
  readonly output: Readable;
  /** The dyno as created (`name` is e.g. `run.1234`). */
  readonly dyno: Promise<AttachedDyno>;
  /**
   * The command's exit status, once the connection closes; `null` with `exitCode: false`.
   * Rejects when the dyno cannot be created or reached, when the connection closes without
   * a status, and with the signal's reason when aborted.
   */
  readonly exitCode: Promise<number | null>;
}

const EOT = Buffer.from([0x04]);

/**
 * Runs a command in an attached one-off dyno (`POST /apps/{app}/dynos` with `attach: true`)
 * and connects to it over TLS rendezvous. Output is buffered until read, so awaiting
 * `exitCode` alone never stalls the dyno.
 *
 * ```ts
 * const run = runAttached(heroku, 'my-app', { command: 'rake db:migrate' });
 * for await (const chunk of run) process.stdout.write(chunk);
 * process.exitCode = (await run.exitCode) ?? 0;
 * ```
 */
export function runAttached(
  api: StreamingApi,
  app: string,
  options: RunAttachedOptions,
): AttachedRun {
  const output = new Readable({ read() {} });
  const filter = options.exitCode === false ? undefined : new ExitMarkerFilter();

  const dyno = createDyno(api, app, options, filter !== undefined);
  const exitCode = dyno.then((created) => attach(created, options, output, filter));
  exitCode.catch(() => output.push(null));
  // Callers that only iterate still see failures there; nobody is forced to await these.
  dyno.catch(() => {});

  return {
    output,
    dyno,
    exitCode,
    async *[Symbol.asyncIterator]() {
      for await (const chunk of output) yield chunk as Buffer;
      await exitCode;
    },
  };
}

async function createDyno(
  api: StreamingApi,
  app: string,
  options: RunAttachedOptions,
  marker: boolean,
): Promise<AttachedDyno> {
  options.signal?.throwIfAborted();
  const body = {
    command: marker ? options.command + EXIT_MARKER_SUFFIX : options.command,
    attach: true,
    env: options.env,
    force_no_tty: options.tty ? undefined : true,
    size: options.size,
    type: options.type,
    time_to_live: options.timeToLive,
  };
  const path = appPath(app, '/dynos');
  return (await api.post(path, { body, signal: options.signal })) as AttachedDyno;
}

async function attach(
  dyno: AttachedDyno,
  options: RunAttachedOptions,
  output: Readable,
  filter: ExitMarkerFilter | undefined,
): Promise<number | null> {
  const { socket, rest } = await openRendezvous(parseAttachUrl(dyno.attach_url), options);

  return new Promise((resolve, reject) => {
    const emit = (chunk: Buffer) => {
      const passed = filter ? filter.push(chunk) : chunk;
      if (passed.length > 0) output.push(passed);
    };
    const onAbort = () => {
      socket.destroy();
      reject(options.signal?.reason);
    };

    options.signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('data', emit);
    socket.on('error', reject);
    socket.on('close', () => {
      options.signal?.removeEventListener('abort', onAbort);
      const tail = filter?.end();
      if (tail && tail.length > 0) output.push(tail);
      output.push(null);
      if (!filter) resolve(null);
      else if (filter.status === undefined) reject(new RendezvousError('No exit code returned'));
      else resolve(filter.status);
    });

    if (rest.length > 0) emit(rest);
    socket.resume();
    sendStdin(socket, options.stdin).catch((error: Error) => socket.destroy(error));
  });
}

/** Copies stdin to the dyno, then sends EOT: the dyno's stdin ends, the socket stays open. */
async function sendStdin(socket: TLSSocket, stdin: RunAttachedOptions['stdin']): Promise<void> {
  if (stdin !== undefined) {
    const source = typeof stdin === 'string' || stdin instanceof Uint8Array ? [stdin] : stdin;
    for await (const chunk of source) {
      if (socket.destroyed) return;
      if (!socket.write(chunk)) await drained(socket);
    }
  }
  if (!socket.destroyed) socket.write(EOT);
}

function drained(socket: TLSSocket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}
