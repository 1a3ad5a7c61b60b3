import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../../src/index.js';
import { call, start } from '../helpers.js';
import { createFuzzer, type FuzzCase } from './fuzz-cases.js';
import { type RawAnswer, sendRaw } from './raw-http.js';
import { snapshot } from './snapshot.js';

const REQUESTS = 10_000;
const CONCURRENCY = 16;
const BODY_LIMIT = 64 * 1024;

let emulator: RunningEmulator;
let normalId: string;
before(async () => {
  emulator = await start({
    bodyLimit: BODY_LIMIT,
    rateLimit: { capacity: 1_000_000 },
    accounts: [
      { email: 'fuzz@example.com', token: 'token-fuzz-0123' },
      { email: 'normal@example.com', token: 'token-normal-0123' },
    ],
  });
  normalId = emulator.accounts[1]?.id ?? '';
  const token = 'token-fuzz-0123';
  assert.equal(
    (await call(emulator, 'POST', '/apps', { token, body: { name: 'fuzz-app' } })).status,
    201,
  );
  const config = { token, body: { FUZZ_SETTING: 'kept' } };
  assert.equal((await call(emulator, 'PATCH', '/apps/fuzz-app/config-vars', config)).status, 200);
});
after(() => emulator.stop());

/** Why an answer breaks the rules, or undefined when it keeps them. */
function problem(request: FuzzCase, answer: RawAnswer): string | undefined {
  if (answer.status === 0) return 'no answer';
  if (answer.status >= 500) return `status ${answer.status}`;
  if (answer.status < 400) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return `non-JSON error body ${JSON.stringify(answer.body.slice(0, 80))}`;
  }
  const { id, message } = (body ?? {}) as { id?: unknown; message?: unknown };
  if (typeof id !== 'string' || typeof message !== 'string') return 'error outside the envelope';
  if (request.method === 'GET' && answer.status === 200) return undefined;
  return undefined;
}

/** A user's everyday calls on one of a few apps, checked for correct answers. */
async function normalTraffic(round: number): Promise<void> {
  const token = 'token-normal-0123';
  const name = `normal-${round % 4}`;
  if (round < 4) {
    const created = await call(emulator, 'POST', '/apps', { token, body: { name } });
    assert.equal(created.status, 201, created.text);
  }
  const set = await call(emulator, 'PATCH', `/apps/${name}/config-vars`, {
    token,
    body: { ROUND: String(round) },
  });
  assert.equal(set.status, 200, set.text);
  const read = await call(emulator, 'GET', `/apps/${name}/config-vars`, { token });
  assert.deepEqual(read.json, { ROUND: String(round) });
  const info = await call(emulator, 'GET', `/apps/${name}`, { token });
  assert.equal((info.json as { name: string }).name, name);
}

test('10,000 malformed requests get envelope errors, change nothing, and normal calls still work', async () => {
  const next = createFuzzer(20_240_901, {
    token: 'token-fuzz-0123',
    app: 'fuzz-app',
    bodyLimit: BODY_LIMIT,
  });
  const cases = Array.from({ length: REQUESTS }, next);
  const before = snapshot(emulator.store, (owner) => owner === normalId);
  const failures: string[] = [];
  const families = new Map<string, number>();

  let cursor = 0;
  let fuzzing = true;
  const worker = async () => {
    for (let i = cursor++; i < cases.length; i = cursor++) {
      const request = cases[i] as FuzzCase;
      families.set(request.family, (families.get(request.family) ?? 0) + 1);
      const why = problem(request, await sendRaw(emulator.port, request));
      if (why !== undefined)
        failures.push(`${request.family} ${request.method} ${request.target.slice(0, 60)}: ${why}`);
    }
  };
  const normal = async () => {
    let round = 0;
    while (fuzzing) {
      await normalTraffic(round++);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return round;
  };
  const rounds = normal();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  fuzzing = false;
  const roundsDuring = await rounds;
  await normalTraffic(roundsDuring);

  assert.deepEqual(failures.slice(0, 20), []);
  assert.deepEqual(
    snapshot(emulator.store, (owner) => owner === normalId),
    before,
  );
  assert.ok(roundsDuring > 0);
  process.stdout.write(
    `# fuzz: ${REQUESTS} requests, ${JSON.stringify(Object.fromEntries(families))}, ` +
      `${roundsDuring} rounds of normal traffic alongside\n`,
  );
});
