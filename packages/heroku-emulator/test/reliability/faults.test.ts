import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCli } from '../../src/cli-args.js';
import type { RunningEmulator } from '../../src/index.js';
import { call, start } from '../helpers.js';

/** Statuses of `count` sequential `GET /account` calls. */
async function statuses(emulator: RunningEmulator, count: number): Promise<number[]> {
  const seen: number[] = [];
  for (let i = 0; i < count; i++) seen.push((await call(emulator, 'GET', '/account')).status);
  return seen;
}

function appNames(emulator: RunningEmulator): string[] {
  return emulator.store.find('app').map((r) => String(r.data.name));
}

test('no fault is injected unless asked for', async () => {
  const emulator = await start();
  try {
    assert.deepEqual(await statuses(emulator, 20), Array(20).fill(200));
    assert.equal(emulator.faults.stats().requests, 0);
  } finally {
    await emulator.stop();
  }
});

test('the same seed injects the same faults in the same order', async () => {
  const faults = { errorRate: 0.3, rateLimitRate: 0.2, seed: 42 };
  const runs: number[][] = [];
  for (const _ of [1, 2]) {
    const emulator = await start({ faults });
    runs.push(await statuses(emulator, 60));
    await emulator.stop();
  }
  assert.deepEqual(runs[0], runs[1]);
  assert.ok(runs[0]?.includes(503) && runs[0].includes(429) && runs[0].includes(200));
});

test('an injected server error answers in the envelope and changes nothing', async () => {
  const emulator = await start({ faults: { errorRate: 1 } });
  try {
    const before = appNames(emulator);
    const reply = await call(emulator, 'POST', '/apps', { body: { name: 'refused-app' } });
    assert.equal(reply.status, 503);
    assert.equal((reply.json as { id: string }).id, 'unavailable');
    assert.equal(typeof (reply.json as { message: unknown }).message, 'string');
    assert.deepEqual(appNames(emulator), before);
  } finally {
    await emulator.stop();
  }
});

test('429 bursts come with and without Retry-After and change nothing', async () => {
  const emulator = await start({ faults: { rateLimitRate: 1, rateLimitBurst: 2, seed: 7 } });
  try {
    const retryAfter = new Set<string | null>();
    for (let i = 0; i < 20; i++) {
      const reply = await call(emulator, 'POST', '/apps', { body: { name: `limited-${i}` } });
      assert.equal(reply.status, 429);
      assert.equal((reply.json as { id: string }).id, 'rate_limit');
      retryAfter.add(reply.headers.get('retry-after'));
    }
    assert.deepEqual([...retryAfter].sort(), ['1', null].sort());
    assert.equal(appNames(emulator).filter((n) => n.startsWith('limited-')).length, 0);
  } finally {
    await emulator.stop();
  }
});

test('a reset cuts the answer after the request took effect', async () => {
  const emulator = await start({ faults: { resetRate: 1 } });
  try {
    await assert.rejects(call(emulator, 'POST', '/apps', { body: { name: 'reset-app' } }));
    assert.ok(appNames(emulator).includes('reset-app'));
    assert.equal(emulator.faults.stats().resets, 1);
  } finally {
    await emulator.stop();
  }
});

test('slow bodies still arrive whole', async () => {
  const emulator = await start({ faults: { slowStreamMs: 5, latencyMs: 5 } });
  try {
    const reply = await call(emulator, 'GET', '/regions');
    assert.equal(reply.status, 200);
    assert.equal((reply.json as unknown[]).length, 2);
  } finally {
    await emulator.stop();
  }
});

test('faults can be switched off while running', async () => {
  const emulator = await start({ faults: { errorRate: 1 } });
  try {
    assert.equal((await call(emulator, 'GET', '/account')).status, 503);
    emulator.faults.configure(undefined);
    assert.equal((await call(emulator, 'GET', '/account')).status, 200);
  } finally {
    await emulator.stop();
  }
});

test('bad fault settings are refused before the emulator starts', async () => {
  await assert.rejects(start({ faults: { errorRate: 2 } }), /errorRate must be a number/);
  await assert.rejects(
    start({ faults: { errorRate: 0.6, resetRate: 0.6 } }),
    /add up to more than 1/,
  );
});

test('the command line takes fault flags', () => {
  const options = parseCli([
    '--fault-error-rate',
    '0.05',
    '--fault-reset-rate',
    '0.02',
    '--fault-rate-limit-rate',
    '0.02',
    '--fault-latency-ms',
    '3',
    '--fault-slow-stream-ms',
    '4',
    '--fault-seed',
    '9',
  ]);
  assert.ok(!('usage' in options));
  assert.deepEqual(options.faults, {
    errorRate: 0.05,
    resetRate: 0.02,
    rateLimitRate: 0.02,
    latencyMs: 3,
    slowStreamMs: 4,
    seed: 9,
  });
  const bad = parseCli(['--fault-error-rate', 'lots']);
  assert.ok('usage' in bad && bad.usage.startsWith('--fault-error-rate takes a number'));
});
