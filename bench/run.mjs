/**
 * The benchmark: every client against the same loopback server, as ratios to raw undici
 * measured in the same run. Usage: node bench/run.mjs [--quick] [--clients=a,b] [--scenarios=s1,s4]
 * Progress goes to stderr; the tables to stdout; the figures to bench/results/<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { ADAPTERS, BASELINE } from './clients/index.mjs';
import { prepareClients } from './lib/prepare.mjs';
import { startServer } from './lib/processes.mjs';
import { printEmulator, printS1, printS2, printS3, printS4 } from './lib/tables.mjs';
import { evaluateTargets, printTargets } from './lib/targets.mjs';
import { emulatorScenarios } from './scenarios/emulator.mjs';
import { coldStart, listing } from './scenarios/fresh-process.mjs';
import { sequentialLatency, throughput } from './scenarios/in-process.mjs';

const PLANS = {
  full: {
    verifyTotal: 2500,
    s1: { rounds: 7, slotMs: 1500 },
    s2: { rounds: 7, slotMs: 2000, concurrency: 64 },
    s3: { sizes: [1000, 10_000, 100_000], repetitions: 5 },
    s4: { repetitions: 9 },
    emulator: { apps: 10_000, seedBudgetMs: 120_000, rounds: 5, slotMs: 2000, concurrency: 64 },
  },
  quick: {
    verifyTotal: 2500,
    s1: { rounds: 2, slotMs: 200 },
    s2: { rounds: 2, slotMs: 300, concurrency: 64 },
    s3: { sizes: [1000, 3000], repetitions: 1 },
    s4: { repetitions: 1 },
    emulator: { apps: 500, seedBudgetMs: 10_000, rounds: 1, slotMs: 300, concurrency: 64 },
  },
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clients: { type: 'string' },
    scenarios: { type: 'string', default: 's1,s2,s3,s4,emulator' },
  },
});
const plan = values.quick ? PLANS.quick : PLANS.full;
const wanted = new Set(values.scenarios.split(','));
const chosen = values.clients?.split(',') ?? ADAPTERS.map((a) => a.id);
const adapters = ADAPTERS.filter((a) => a.id === BASELINE || chosen.includes(a.id));
const t0 = performance.now();
const log = (line) => console.error(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${line}`);

const startedAt = new Date();
const results = {
  startedAt: startedAt.toISOString(),
  plan: values.quick ? 'quick' : 'full',
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memMiB: Math.round(totalmem() / 2 ** 20),
  },
  sizes: plan,
};

const server = await startServer('server.mjs', { BENCH_TOTAL_APPS: String(plan.verifyTotal) });
try {
  const { ready, status } = await prepareClients(adapters, server.origin, plan.verifyTotal, log);
  results.clients = status;

  if (wanted.has('s1')) {
    log('S1: sequential latency');
    results.s1 = await sequentialLatency(ready, plan.s1);
    printS1(results.s1);
  }
  if (wanted.has('s2')) {
    log('S2: throughput');
    results.s2 = await throughput(ready, plan.s2);
    printS2(results.s2, plan.s2.concurrency);
  }
  for (const { client } of ready) await client.close?.();

  if (wanted.has('s3')) {
    results.s3 = await listing(ready, plan.s3, log);
    printS3(results.s3);
  }
  if (wanted.has('s4')) {
    results.s4 = await coldStart(ready, server.origin, plan.s4.repetitions, log);
    printS4(results.s4);
  }
} finally {
  server.stop();
}

if (wanted.has('emulator')) {
  results.emulator = await emulatorScenarios(plan.emulator, log);
  if (results.emulator.measured) printEmulator(results.emulator);
}
results.targets = evaluateTargets(results);
printTargets(results.targets);

results.finishedAt = new Date().toISOString();
const dir = new URL('results/', import.meta.url);
mkdirSync(dir, { recursive: true });
const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
const file = new URL(`${stamp}${values.quick ? '-quick' : ''}.json`, dir);
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`\nresults written to ${file.pathname}`);
