/**
 * S1 and S2: every ready client in this process, against one server, in interleaved rounds.
 * Each round gives every client the same time slot, in a rotated order; a warm-up round
 * comes first and is not counted (JIT, connection pools, the server's caches). Slots are
 * timed rather than counted because the slowest peer is a hundred times slower than the
 * fastest.
 */
import { appId } from '../lib/app-fixture.mjs';
import { summariseRounds } from '../lib/report.mjs';
import { median, quantile, rotation } from '../lib/stats.mjs';

/** How many distinct apps the requests cycle through (all below the verify server's total). */
const APP_SPREAD = 100;

async function sequential(client, slotMs) {
  const latencies = [];
  const deadline = performance.now() + slotMs;
  for (let i = 0; performance.now() < deadline; i++) {
    const started = performance.now();
    await client.info(appId(i % APP_SPREAD));
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function inFlight(client, slotMs, concurrency) {
  let done = 0;
  const started = performance.now();
  const deadline = started + slotMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      await client.info(appId(done % APP_SPREAD));
      done++;
    }
  };
  // Requests still in flight at the deadline finish and count, over the longer time.
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done / ((performance.now() - started) / 1000);
}

async function inRounds(ready, rounds, runOne) {
  const samples = new Map(ready.map(({ adapter }) => [adapter.id, []]));
  for (let round = -1; round < rounds; round++) {
    for (const { adapter, client } of rotation(ready, Math.max(round, 0))) {
      const sample = await runOne(client);
      if (round >= 0) samples.get(adapter.id).push(sample);
    }
  }
  return samples;
}

/**
 * S1: sequential GET /apps/{id}; median and p99 latency in ms.
 * @param {{ adapter: any, client: any }[]} ready
 * @param {{ rounds: number, slotMs: number }} size
 */
export async function sequentialLatency(ready, { rounds, slotMs }) {
  const samples = await inRounds(ready, rounds, async (client) => {
    const latencies = await sequential(client, slotMs);
    return {
      medianMs: median(latencies),
      p99Ms: quantile(latencies, 0.99),
      requests: latencies.length,
    };
  });
  return summariseRounds(samples, ['medianMs', 'p99Ms', 'requests']);
}

/**
 * S2: GET /apps/{id} with `concurrency` requests in flight; requests per second.
 * @param {{ adapter: any, client: any }[]} ready
 * @param {{ rounds: number, slotMs: number, concurrency: number }} size
 */
export async function throughput(ready, { rounds, slotMs, concurrency }) {
  const samples = await inRounds(ready, rounds, async (client) => ({
    reqPerSec: await inFlight(client, slotMs, concurrency),
  }));
  return summariseRounds(samples, ['reqPerSec']);
}
