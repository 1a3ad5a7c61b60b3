/**
 * The emulator scenarios: heroku-emulator against a bare node:http server that returns the
 * same JSON (the apps the emulator lists, served by bench/server.mjs from a file). Both run
 * in their own process and are driven by raw undici, in alternating rounds after a warm-up.
 */
import { deepStrictEqual, equal } from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import undiciClient from '../clients/undici.mjs';
import { appName } from '../lib/app-fixture.mjs';
import { startServer } from '../lib/processes.mjs';
import { summariseRounds } from '../lib/report.mjs';
import { rotation } from '../lib/stats.mjs';

async function untilDeadline(deadline, concurrency, task) {
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) await task(done++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

async function seed(client, apps, budgetMs) {
  let next = 0;
  const deadline = performance.now() + budgetMs;
  const createOne = async (i) => {
    try {
      await client.create({ name: appName(i) });
    } catch (error) {
      throw new Error(`seeding failed at app ${i} of ${apps}: ${error?.message ?? error}`);
    }
  };
  const worker = async () => {
    while (next < apps && performance.now() < deadline) await createOne(next++);
  };
  const started = performance.now();
  // The emulator answers one request at a time; more in flight would only queue.
  await Promise.all(Array.from({ length: 16 }, worker));
  if (next < apps) {
    const rate = Math.round(next / ((performance.now() - started) / 1000));
    throw new Error(
      `seeding is too slow: ${next} apps created in ${budgetMs / 1000} s (${rate}/s)`,
    );
  }
  const listed = await client.listAll();
  if (listed.length < apps) throw new Error(`the emulator lists ${listed.length} of ${apps} apps`);
  return listed;
}

async function measure(targets, { rounds, slotMs, concurrency }, ids) {
  const samples = new Map(targets.map((t) => [t.key, []]));
  for (let round = -1; round < rounds; round++) {
    for (const { key, client } of rotation(targets, Math.max(round, 0))) {
      const getStarted = performance.now();
      const done = await untilDeadline(getStarted + slotMs, concurrency, (i) =>
        client.info(ids[i % ids.length]),
      );
      const getSeconds = (performance.now() - getStarted) / 1000;
      const listStarted = performance.now();
      await client.listAll();
      const listMs = performance.now() - listStarted;
      if (round < 0) continue;
      samples.get(key).push({ getReqPerSec: done / getSeconds, listMs });
    }
  }
  return summariseRounds(samples, ['getReqPerSec', 'listMs'], () => 'bare');
}

/**
 * Seed the emulator with `apps` apps through its HTTP API, then compare it with the bare
 * server. Resolves `{ measured: false, reason }` while the emulator is not available.
 * @param {{ apps: number, seedBudgetMs: number, rounds: number, slotMs: number, concurrency: number }} plan
 * @param {(line: string) => void} log
 */
export async function emulatorScenarios(plan, log) {
  let emulator;
  try {
    emulator = await startServer('children/emulator-child.mjs');
  } catch (error) {
    const reason = `not available yet: ${String(error?.message ?? error).split('\n')[0]}`;
    log(`skipped the emulator scenarios: ${reason}`);
    return { measured: false, reason };
  }

  const dir = mkdtempSync(join(tmpdir(), 'heroku-bench-'));
  const lib = await undiciClient.load();
  const closers = [() => emulator.stop(), () => rmSync(dir, { recursive: true, force: true })];
  try {
    log(`emulator: seeding ${plan.apps} apps`);
    const toEmulator = undiciClient.build(lib, emulator.origin, emulator.message.token);
    closers.push(() => toEmulator.close());
    const apps = await seed(toEmulator, plan.apps, plan.seedBudgetMs);

    const file = join(dir, 'apps.json');
    writeFileSync(file, JSON.stringify(apps));
    const bare = await startServer('server.mjs', { BENCH_APPS_FILE: file });
    closers.push(() => bare.stop());
    const toBare = undiciClient.build(lib, bare.origin);
    closers.push(() => toBare.close());

    // Both must answer with the same JSON before either is timed.
    const ids = apps.slice(0, 100).map((app) => app.id);
    deepStrictEqual(await toBare.info(ids[1]), await toEmulator.info(ids[1]));
    equal((await toBare.listAll()).length, apps.length);

    log('emulator: measuring');
    const targets = [
      { key: 'emulator', client: toEmulator },
      { key: 'bare', client: toBare },
    ];
    return { measured: true, apps: apps.length, figures: await measure(targets, plan, ids) };
  } catch (error) {
    const reason = `failed: ${String(error?.message ?? error).split('\n')[0]}`;
    log(`emulator scenarios ${reason}`);
    return { measured: false, reason };
  } finally {
    for (const close of closers.reverse()) await close();
  }
}
