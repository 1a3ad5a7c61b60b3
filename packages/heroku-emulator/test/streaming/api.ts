import { readFileSync, writeFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Heroku } from 'heroku-client';
import type { RunningEmulator } from '../../src/index.js';
import { createEmulatorStreaming, type EmulatorStreaming } from '../../src/streams/index.js';
import { start } from '../helpers.js';
import { tarGz } from '../workflows/helpers.js';

export { eventually } from '../workflows/helpers.js';

import { dataDir } from './support.js';

export { runAttached, streamBuildOutput, streamLogs } from 'heroku-client';

/** One HTTP request the emulator received, and whether it was a stream URL. */
export interface SeenRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly stream: boolean;
}

/** An emulator on port 0 with its streaming side, and a `Heroku` client pointed at it. */
export interface ApiFixture {
  readonly emulator: RunningEmulator;
  readonly heroku: Heroku;
  /** The emulator's own streaming side, to write app log lines and build output directly. */
  readonly streaming: EmulatorStreaming;
  /** The rendezvous CA, as `heroku run` trusts it with NODE_EXTRA_CA_CERTS. */
  readonly ca: Buffer;
  /** Every request the emulator received, in order. */
  readonly requests: SeenRequest[];
  /** Called after the emulator began answering a stream URL (the reader is subscribed). */
  onStream: (path: string) => void;
  /** Cuts every open stream connection, as a network drop would. */
  dropStreams(): void;
  /** Creates an app through the API and returns its id. */
  createApp(name: string): Promise<string>;
  /** Writes a tarball of `files` and returns its `file://` URL for `source_blob.url`. */
  sourceUrl(name: string, files: Record<string, string>): string;
  /** Appends a line to an app's log as its dyno would (`app[web.1]: message`). */
  log(appId: string, message: string, dyno?: string): void;
  close(): Promise<void>;
}

/**
 * Starts an emulator with `startEmulator({ port: 0 })` whose streaming side notes the
 * requests it answers, so tests see what reached a stream URL and can drop connections.
 * The client helpers then make their real calls: `POST /apps/{app}/dynos`, `POST
 * /apps/{app}/log-sessions`, and the stream URLs the emulator hands out.
 */
export async function startApi(): Promise<ApiFixture> {
  const inner = createEmulatorStreaming({ dataDir, greetingDelayMs: 5 });
  const requests: SeenRequest[] = [];
  const open = new Set<Socket>();
  const streaming: EmulatorStreaming = {
    ...inner,
    get caFile() {
      return inner.caFile;
    },
    handleRequest(req, res) {
      const stream = inner.handleRequest?.(req, res) ?? false;
      requests.push({ path: req.url ?? '', headers: req.headers, stream });
      if (!stream) return false;
      open.add(req.socket);
      req.socket.once('close', () => open.delete(req.socket));
      fixture.onStream(req.url ?? '');
      return true;
    },
  };
  const emulator = await start({ rateLimit: { capacity: 100_000 }, streaming });
  const heroku = new Heroku({ baseUrl: emulator.url, token: emulator.token, retry: false });

  const fixture: ApiFixture = {
    emulator,
    heroku,
    streaming,
    ca: readFileSync(emulator.caFile as string),
    requests,
    onStream: () => {},
    dropStreams: () => {
      for (const socket of open) socket.destroy();
    },
    createApp: async (name) => (await heroku.apps().create({ name })).id,
    sourceUrl(name, files) {
      const path = join(dataDir, `${name}.tgz`);
      writeFileSync(path, tarGz(files));
      return pathToFileURL(path).href;
    },
    log: (appId, message, dyno = 'web.1') =>
      streaming.appendLog?.({ appId, source: 'app', dyno, message, time: new Date() }),
    async close() {
      await heroku.close();
      await emulator.stop();
    },
  };
  return fixture;
}

/** The messages of log lines (`... app[web.1]: one` gives `one`) from one dyno. */
export function messagesOf(lines: readonly string[], dyno = 'web.1'): string[] {
  const marker = `[${dyno}]: `;
  return lines.filter((line) => line.includes(marker)).map((line) => line.split(marker)[1] ?? '');
}
