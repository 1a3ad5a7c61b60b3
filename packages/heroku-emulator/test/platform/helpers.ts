import { setTimeout as sleep } from 'node:timers/promises';
import { Heroku } from 'heroku-client';
import type { RunningEmulator } from '../../src/index.js';
import { start } from '../helpers.js';

/** Two accounts, so that access rules can be seen from both sides. */
export const ALICE = { email: 'alice@example.com', token: 'token-alice' };
export const BOB = { email: 'bob@example.com', token: 'token-bob' };

/** An emulator with Alice and Bob, and a client for each. */
export interface Platform {
  readonly emulator: RunningEmulator;
  readonly alice: Heroku;
  readonly bob: Heroku;
  /** A client for any token. */
  client(token: string): Heroku;
  stop(): Promise<void>;
}

/** Starts an emulator with Alice and Bob. */
export async function startPlatform(): Promise<Platform> {
  const emulator = await start({ accounts: [ALICE, BOB], rateLimit: { capacity: 100_000 } });
  const client = (token: string) => new Heroku({ baseUrl: emulator.url, token, retry: false });
  return {
    emulator,
    alice: client(ALICE.token),
    bob: client(BOB.token),
    client,
    stop: () => emulator.stop(),
  };
}

let counter = 0;

/** A fresh app name, unique within the run. */
export function appName(prefix = 'app'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}`;
}

/** Creates an app as `heroku` and returns its name. */
export async function newApp(heroku: Heroku, prefix?: string): Promise<string> {
  const name = appName(prefix);
  await heroku.post('/apps', { body: { name } });
  return name;
}

/** Polls `read` until `done` holds for its value (asynchronous platform steps). */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(10);
  }
  throw new Error('the state never arrived');
}

/** The rejection of `promise`, for asserting on API errors. */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; id: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { status: number; id: string };
  }
  throw new Error('the call succeeded');
}
