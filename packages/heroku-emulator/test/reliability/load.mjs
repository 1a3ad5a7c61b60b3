#!/usr/bin/env node
// Load test: 64 concurrent clients against the emulator's CLI in a child process
// for 60 seconds. It fails (exit 1) on any failed call, or when the child's
// resident memory keeps growing through the second half of the run.
//
// Build first, then: node packages/heroku-emulator/test/reliability/load.mjs
// Environment: LOAD_SECONDS (default 60), LOAD_CLIENTS (default 64).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Heroku } from 'heroku-client';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CLIENTS = Number(process.env.LOAD_CLIENTS ?? 64);
const ACCOUNTS = 8;
/** Calls on one app before it is deleted and made again, so state stays bounded. */
const CALLS_PER_APP = 60;
/** Allowed rise of resident memory from the middle to the end of the run. */
const GROWTH_LIMIT = 0.15;

const cli = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const tokens = Array.from({ length: ACCOUNTS }, (_, i) => `load-token-${i}-${'x'.repeat(16)}`);

function startChild() {
  const args = ['--port', '0', '--log-level', 'silent', '--rate-limit', '100000000'];
  for (const token of tokens) args.push('--token', token);
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

/** Resident memory of a process in MiB, from /proc (Linux), else from `ps`. */
function rssMiB(pid) {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}

/** One client: app life cycles of reads, config changes, scaling and lists, until time is up. */
async function client(url, index, until, stats) {
  const heroku = new Heroku({ baseUrl: url, token: tokens[index % ACCOUNTS], timeout: 30_000 });
  const timed = async (call) => {
    const started = performance.now();
    try {
      await call();
      stats.latencies.push(performance.now() - started);
    } catch (error) {
      stats.errors.push(`${error.constructor.name}: ${error.message}`);
    }
  };
  for (let cycle = 0; Date.now() < until; cycle++) {
    const app = `load-${index}-${cycle}`;
    await timed(() => heroku.post('/apps', { body: { name: app } }));
    await timed(async () => {
      const slug = await heroku.post(`/apps/${app}/slugs`, {
        body: { process_types: { web: 'node server.js', worker: 'node worker.js' } },
      });
      await heroku.post(`/apps/${app}/releases`, { body: { slug: slug.id } });
    });
    for (let i = 0; i < CALLS_PER_APP && Date.now() < until; i++) {
      const step = i % 6;
      if (step === 0) await timed(() => heroku.get(`/apps/${app}`));
      if (step === 1) {
        const body = { [`KEY_${i % 3}`]: `value-${i}` };
        await timed(() => heroku.patch(`/apps/${app}/config-vars`, { body }));
      }
      if (step === 2) await timed(() => heroku.get(`/apps/${app}/config-vars`));
      if (step === 3) {
        const updates = [{ type: 'web', quantity: i % 3 }];
        await timed(() => heroku.patch(`/apps/${app}/formation`, { body: { updates } }));
      }
      if (step === 4) await timed(() => heroku.get('/apps', { partial: true }));
      if (step === 5) await timed(() => heroku.get(`/apps/${app}/releases`, { partial: true }));
    }
    await timed(() => heroku.delete(`/apps/${app}`));
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function median(values) {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

const { child, url } = await startChild();
const samples = [];
const sampler = setInterval(() => samples.push(rssMiB(child.pid)), 1000);
const stats = { latencies: [], errors: [] };
const started = Date.now();
const until = started + SECONDS * 1000;
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(url, i, until, stats)));
const elapsed = (Date.now() - started) / 1000;
clearInterval(sampler);
child.kill('SIGTERM');

const sorted = stats.latencies.sort((a, b) => a - b);
const calls = sorted.length + stats.errors.length;
// Memory after warm-up (the second quarter) against the last quarter of the run.
const quarter = Math.max(1, Math.floor(samples.length / 4));
const middle = median(samples.slice(quarter, 2 * quarter));
const end = median(samples.slice(-quarter));
const growth = (end - middle) / middle;
const fmt = (n) => n.toFixed(1);

console.log(
  `load: ${CLIENTS} clients, ${fmt(elapsed)} s, ${calls} calls (${fmt(calls / elapsed)}/s), ` +
    `${stats.errors.length} errors; latency p50 ${fmt(percentile(sorted, 0.5))} ms, ` +
    `p99 ${fmt(percentile(sorted, 0.99))} ms`,
);
console.log(
  `memory (child RSS, MiB): first ${fmt(samples[0] ?? Number.NaN)}, ` +
    `second-quarter median ${fmt(middle)}, last-quarter median ${fmt(end)}, ` +
    `max ${fmt(Math.max(...samples))}; growth ${(growth * 100).toFixed(1)}%`,
);
for (const error of stats.errors.slice(0, 5)) console.log(`  error: ${error}`);

const failed = stats.errors.length > 0 || !(growth <= GROWTH_LIMIT);
process.exit(failed ? 1 : 0);
