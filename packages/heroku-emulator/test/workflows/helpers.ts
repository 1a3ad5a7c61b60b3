import { setTimeout as sleep } from 'node:timers/promises';
import { gzipSync } from 'node:zlib';
import { Heroku, HerokuApiError } from 'heroku-client';
import type { EmulatorOptions, RunningEmulator } from '../../src/index.js';
import { start } from '../helpers.js';

/** A running emulator and a client of it. */
export interface Workbench {
  readonly emulator: RunningEmulator;
  readonly heroku: Heroku;
  close(): Promise<void>;
}

/** Starts an emulator on port 0 and a client against it (no retries, so failures show). */
export async function workbench(options: EmulatorOptions = {}): Promise<Workbench> {
  const emulator = await start({ rateLimit: { capacity: 100_000 }, ...options });
  const heroku = new Heroku({ baseUrl: emulator.url, token: emulator.token, retry: false });
  return {
    emulator,
    heroku,
    async close() {
      await heroku.close();
      await emulator.stop();
    },
  };
}

/** A client for another token of the same emulator. */
export function clientFor(emulator: RunningEmulator, token: string): Heroku {
  return new Heroku({ baseUrl: emulator.url, token, retry: false });
}

/**
 * Polls `read` until `done` holds for its value, and returns that value. The
 * platform's asynchronous steps (builds, dyno boots) finish in milliseconds;
 * the limit only keeps a broken emulator from hanging the suite.
 */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(10);
  }
  throw new Error('the expected state was never reached');
}

/** Releases a slug with these process types on `app`; returns the release. */
export async function deploy(heroku: Heroku, app: string, types: Record<string, string>) {
  const slug = await heroku.apps(app).slugs().create({ process_types: types });
  return heroku.apps(app).releases().create({ slug: slug.id });
}

/** A `.tar.gz` holding `files` (path → content), as `git archive` would make it. */
export function tarGz(files: Record<string, string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [path, content] of Object.entries(files)) {
    const body = Buffer.from(content, 'utf8');
    const header = Buffer.alloc(512);
    header.write(path, 0, 100, 'utf8');
    header.write('0000644\0', 100);
    header.write('0000000\0', 108);
    header.write('0000000\0', 116);
    header.write(`${body.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('        ', 148);
    header.write('0', 156);
    header.write('ustar\0', 257);
    header.write('00', 263);
    let sum = 0;
    for (const byte of header) sum += byte;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

/** The API error a call fails with; fails the test when the call succeeds. */
export async function failure(call: PromiseLike<unknown>): Promise<HerokuApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof HerokuApiError) return error;
    throw error;
  }
  throw new Error('the call succeeded but should have failed');
}
