import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { RetryInfo } from '../../src/index.js';
import { testClient } from '../helpers/client.js';
import { type Emulator, startEmulator } from './emulator.js';
import { type CallRecord, runWorker } from './workload.js';

const WORKERS = 16;
const CALLS_PER_WORKER = 125;
const LISTED = 2_100;
const WORK_TOKEN = 'hrku-test-0123456789abcdef';
const LIST_TOKEN = 'hrku-lister-0123456789abcdef';
/** The retry policy's deadline, and the longer limit each call is given on top. */
const DEADLINE = 15_000;
const CALL_LIMIT = 30_000;

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({
    rateLimit: { capacity: 1_000_000 },
    accounts: [
      { email: 'worker@example.com', token: WORK_TOKEN },
      { email: 'lister@example.com', token: LIST_TOKEN },
    ],
  });
  const setup = testClient(emulator.url);
  for (let w = 0; w < WORKERS; w++) {
    const app = `work-${w}`;
    await setup.post('/apps', { body: { name: app } });
    const slug = (await setup.post(`/apps/${app}/slugs`, {
      body: { process_types: { web: 'node server.js' } },
    })) as { id: string };
    await setup.post(`/apps/${app}/releases`, { body: { slug: slug.id } });
  }
  await seedLongList();
});
after(() => emulator.stop());

/**
 * Puts `LISTED` domains on the lister's app directly: setting them up is not
 * under test, and a collection apart from apps keeps every other call's
 * lookups small.
 */
async function seedLongList(): Promise<void> {
  const lister = testClient(emulator.url, { token: LIST_TOKEN });
  await lister.post('/apps', { body: { name: 'listed-app' } });
  const first = (await lister.post('/apps/listed-app/domains', {
    body: { hostname: 'd0.example.com', sni_endpoint: null },
  })) as { id: string };
  const template = emulator.store.find('domain').find((r) => r.id === first.id);
  assert.ok(template !== undefined);
  for (let i = 1; i < LISTED; i++) {
    const id = randomUUID();
    emulator.store.put({
      ...template,
      collection: 'domain',
      id,
      data: { ...template.data, id, hostname: `d${i}.example.com` },
    });
  }
}

test('under 5% 503s, 2% resets and 2% 429s every idempotent call succeeds and no create is sent twice', async () => {
  const retries: RetryInfo[] = [];
  const retry = {
    retries: 10,
    minDelay: 1,
    maxDelay: 20,
    deadline: DEADLINE,
    onRetry: (info: RetryInfo) => retries.push(info),
  };
  const heroku = testClient(emulator.url, { retry, timeout: 5_000 });
  const lister = testClient(emulator.url, { token: LIST_TOKEN, retry, timeout: 5_000 });
  const configBefore = await Promise.all(
    Array.from({ length: WORKERS }, (_, w) => heroku.get(`/apps/work-${w}/config-vars`)),
  );

  emulator.faults.configure({ errorRate: 0.05, resetRate: 0.02, rateLimitRate: 0.02, seed: 2024 });
  const started = performance.now();
  const perWorker = await Promise.all(
    Array.from({ length: WORKERS }, (_, index) =>
      runWorker(
        { heroku, lister, app: `work-${index}`, index },
        CALLS_PER_WORKER,
        LISTED,
        CALL_LIMIT,
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const injected = emulator.faults.stats();
  emulator.faults.configure(undefined);
  const records = perWorker.flat();

  // Idempotent calls all succeed; the others fail only as a fault could make them fail.
  const idempotent = records.filter((r) => r.method === 'GET' || r.method === 'PUT');
  assert.deepEqual(
    idempotent.filter((r) => !r.ok).map((r) => `${r.kind}: ${r.error}`),
    [],
  );
  const failed = records.filter((r) => !r.ok);
  for (const record of failed) {
    assert.match(record.error ?? '', /^(ServerError|HerokuConnectionError)/, record.kind);
  }

  // A non-idempotent call is sent again only after a 429, which proves it was refused.
  for (const info of retries.filter((r) => r.method === 'POST' || r.method === 'PATCH')) {
    assert.equal(info.status, 429, `${info.method} ${info.path} retried after ${info.status}`);
  }
  assertCreatesOnce(records);
  await assertConfigKept(heroku, perWorker, configBefore as Record<string, string>[]);

  const slowest = Math.max(...records.map((r) => r.ms));
  assert.ok(records.length >= 2_000);
  process.stdout.write(
    `# client under faults: ${records.length} calls, ${injected.requests} requests ` +
      `(${retries.length} retries; injected ${injected.errors} 503s, ${injected.resets} resets, ` +
      `${injected.rateLimited} 429s); ${failed.length} non-idempotent calls failed as faults ` +
      `dictate; slowest call ${Math.round(slowest)} ms (deadline ${DEADLINE} ms); ` +
      `total ${seconds.toFixed(1)} s\n`,
  );
});

/** Every create that succeeded made one app; one refused by a 503 made none. */
function assertCreatesOnce(records: readonly CallRecord[]): void {
  const names = new Map<string, number>();
  for (const record of emulator.store.find('app')) {
    const name = String(record.data.name);
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  for (const create of records.filter((r) => r.kind === 'create')) {
    const count = names.get(create.detail) ?? 0;
    if (create.ok) assert.equal(count, 1, `${create.detail} succeeded`);
    else if (create.error?.startsWith('ServerError')) assert.equal(count, 0, create.detail);
    else assert.ok(count <= 1, create.detail);
  }
}

/**
 * Each key ends with the value of its last acknowledged update, or with the
 * value of a later update whose answer was lost to a reset.
 */
async function assertConfigKept(
  heroku: ReturnType<typeof testClient>,
  perWorker: readonly CallRecord[][],
  before: readonly Record<string, string>[],
): Promise<void> {
  for (const [w, records] of perWorker.entries()) {
    const allowed = new Map<string, Set<string | undefined>>();
    for (const [key, value] of Object.entries(before[w] ?? {})) allowed.set(key, new Set([value]));
    for (const record of records.filter((r) => r.kind === 'config update')) {
      const [key = '', value] = record.detail.split('=');
      const possible = allowed.get(key) ?? new Set([undefined]);
      if (record.ok) allowed.set(key, new Set([value]));
      else if (record.error?.startsWith('HerokuConnectionError')) possible.add(value);
      allowed.set(key, record.ok ? new Set([value]) : possible);
    }
    const config = (await heroku.get(`/apps/work-${w}/config-vars`)) as Record<string, string>;
    for (const [key, values] of allowed) {
      assert.ok(values.has(config[key]), `work-${w} ${key}=${config[key]}`);
    }
  }
}
