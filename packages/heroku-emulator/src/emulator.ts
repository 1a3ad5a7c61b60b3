/**
 * Starts an emulator: opens the store, seeds it, builds the pipeline over the
 * generated route table and shapes, and listens. Several emulators can run in
 * one process; each has its own store, accounts and rate limits.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { routes } from 'heroku-client/generated/route-table';
import {
  AccountDirectory,
  type AccountOptions,
  DEFAULT_EMAIL,
  DEFAULT_TOKEN,
} from './accounts/accounts.js';
import type { Services } from './behaviours/context.js';
import { registerCoreBehaviours } from './behaviours/core/index.js';
import { BehaviourRegistry } from './behaviours/registry.js';
import { watchOneOffExits } from './behaviours/workflows/index.js';
import { type FaultControl, FaultInjector, type FaultOptions } from './faults/index.js';
import { shapes } from './generated/shapes/index.js';
import { DEFAULT_BODY_LIMIT } from './http/body.js';
import { answerClientError, refuseConnect } from './http/client-error.js';
import { createHandler } from './http/pipeline.js';
import { RateLimiter, type RateLimitOptions } from './http/rate-limit.js';
import { Router } from './http/router.js';
import { defaultSchemaPath, loadSchemaText } from './http/schema-document.js';
import { createLogger, type LogLevel } from './log.js';
import { seedStore } from './seed/seed.js';
import { openStore } from './store/index.js';
import type { Store } from './store/store.js';
import type { StreamingHooks } from './streaming.js';
import { createEmulatorStreaming } from './streams/index.js';

/** Options of `startEmulator`; all optional. */
export interface EmulatorOptions {
  /** Interface to bind; `127.0.0.1` by default (loopback only). */
  readonly host?: string;
  /** Port; 5000 by default, 0 for any free port. */
  readonly port?: number;
  /** Accounts and their tokens; one `user@example.com` account by default. */
  readonly accounts?: readonly AccountOptions[];
  /** Token of the default account when `accounts` is not given. */
  readonly token?: string;
  /** SQLite file to keep state in; in memory when omitted. */
  readonly dataFile?: string;
  /** `silent` (default for the API), `error`, `info` (one line per request) or `debug`. */
  readonly logLevel?: LogLevel;
  /** Where log lines go; stderr by default. */
  readonly logSink?: (line: string) => void;
  /** Schema served at `GET /schema`; defaults to env `HEROKU_EMULATOR_SCHEMA` or the shared copy. */
  readonly schemaFile?: string;
  /** Rate-limit bucket (4500 calls refilling 75 a minute by default). */
  readonly rateLimit?: RateLimitOptions;
  /** Largest request body in bytes (1 MiB by default). */
  readonly bodyLimit?: number;
  /**
   * Rendezvous, log sessions and build output: the built-in streaming side by
   * default, your own hooks, or `false` for none.
   */
  readonly streaming?: StreamingHooks | false;
  /** Run one-off dyno commands for real under `sh -c` instead of the built-in shell. */
  readonly exec?: boolean;
  /** Registers extra per-link behaviours after the built-in ones. */
  readonly behaviours?: (registry: BehaviourRegistry) => void;
  /** Clock for record timestamps. */
  readonly now?: () => Date;
  /** Faults to inject (latency, 5xx, resets, 429 bursts, slow bodies); none by default. */
  readonly faults?: FaultOptions;
}

/** A configured account as the emulator reports it. */
export interface EmulatorAccount {
  readonly id: string;
  readonly email: string;
  readonly token: string;
}

/** A running emulator. */
export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:5000`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Token of the first account. */
  readonly token: string;
  readonly accounts: readonly EmulatorAccount[];
  readonly store: Store;
  readonly behaviours: BehaviourRegistry;
  /** PEM file of the rendezvous CA, when the streaming side provides one. */
  readonly caFile: string | undefined;
  /** Turns injected faults on, off or to other settings while running, and counts them. */
  readonly faults: FaultControl;
  /** Stops listening, ends open connections and closes the store. */
  stop(): Promise<void>;
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1';
  const accountOptions = options.accounts ?? [
    { email: DEFAULT_EMAIL, token: options.token ?? DEFAULT_TOKEN },
  ];
  if (accountOptions.length === 0) throw new Error('At least one account is needed.');

  // Bad fault settings fail before anything is opened.
  const faults = new FaultInjector(options.faults);
  const log = createLogger(options.logLevel ?? 'silent', options.logSink);
  const store = openStore(options.dataFile);
  const accounts = new AccountDirectory(accountOptions, store);
  const now = options.now ?? (() => new Date());
  seedStore(store, shapes, accounts.list(), now());

  const limiter = new RateLimiter(options.rateLimit);
  const timers = new Set<NodeJS.Timeout>();
  const hooks = streamingFor(options);
  const services: Services = {
    store,
    shapes,
    routes,
    accounts,
    hooks,
    now,
    rateLimitRemaining: (id) => limiter.remaining(id),
    defer(task, delayMs = 0) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        try {
          store.transaction(task);
        } catch (error) {
          log.error(
            `deferred task failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }, delayMs);
      timers.add(timer);
    },
  };

  const registry = new BehaviourRegistry();
  registerCoreBehaviours(registry);
  options.behaviours?.(registry);
  watchOneOffExits(services);

  const schemaPath = options.schemaFile ?? defaultSchemaPath();
  let schemaText: string | undefined | null = null;
  const handler = createHandler({
    services,
    registry,
    router: new Router(routes),
    limiter,
    bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
    log,
    faults,
    schemaText: () => {
      if (schemaText === null) schemaText = loadSchemaText(schemaPath);
      return schemaText;
    },
  });

  const server = createServer(handler);
  server.on('clientError', answerClientError);
  server.on('connect', refuseConnect);
  const port = await listen(server, host, options.port ?? 5000).catch((error: unknown) => {
    store.close();
    throw error;
  });
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  // The streaming side's own notes (ports, CA path) are debug lines: the startup text
  // already names the CA file, and info lines are one per request.
  await hooks.start?.({ baseUrl: url, host, log: log.debug });

  return {
    url,
    host,
    port,
    token: accountOptions[0]?.token ?? DEFAULT_TOKEN,
    accounts: accounts.list().map((a, i) => ({ ...a, token: accountOptions[i]?.token ?? '' })),
    store,
    behaviours: registry,
    caFile: hooks.caFile,
    faults,
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await hooks.stop?.();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

// The CA and certificate of the rendezvous server live beside the data file when
// there is one, else in a per-user cache directory.
function streamingFor(options: EmulatorOptions): StreamingHooks {
  if (options.streaming === false) return {};
  if (options.streaming !== undefined) return options.streaming;
  return createEmulatorStreaming({
    ...(options.exec === undefined ? {} : { exec: options.exec }),
    ...(options.dataFile === undefined ? {} : { dataDir: dirname(resolve(options.dataFile)) }),
  });
}
