/**
 * S3 and S4: each sample is a fresh Node process running one client, so peak RSS and cold
 * start belong to that client alone. Repetitions are interleaved in rotated order.
 */
import { BASELINE } from '../clients/index.mjs';
import undiciClient from '../clients/undici.mjs';
import { runNode, startServer } from '../lib/processes.mjs';
import { summariseRounds } from '../lib/report.mjs';
import { rotation } from '../lib/stats.mjs';

async function interleaved(variants, repetitions, runOne, log) {
  const samples = new Map(variants.map((v) => [v.key, []]));
  for (let rep = 0; rep < repetitions; rep++) {
    for (const variant of rotation(variants, rep)) {
      const { result, wallMs } = await runOne(variant);
      samples.get(variant.key).push({ ...result, processMs: wallMs });
    }
    log(`  repetition ${rep + 1}/${repetitions} done`);
  }
  return samples;
}

/**
 * S3: list `size` apps over pages of 1000 in a fresh process per client and mode (`all`
 * awaits the whole list, `iterate` walks it with for await). Each size gets its own server,
 * whose pages are built once before any timing.
 * @param {{ adapter: any, client: any }[]} ready
 * @param {{ sizes: number[], repetitions: number }} plan
 * @param {(line: string) => void} log
 */
export async function listing(ready, { sizes, repetitions }, log) {
  const variants = [];
  for (const { adapter, client } of ready) {
    if (client.listAll) variants.push({ key: `${adapter.id}/all`, id: adapter.id, mode: 'all' });
    if (client.iterate)
      variants.push({ key: `${adapter.id}/iterate`, id: adapter.id, mode: 'iterate' });
  }

  const figures = {};
  for (const size of sizes) {
    log(`S3: listing ${size} apps`);
    const server = await startServer('server.mjs', { BENCH_TOTAL_APPS: String(size) });
    try {
      const warm = undiciClient.build(await undiciClient.load(), server.origin);
      await warm.listAll();
      await warm.close();

      const run = ({ id, mode }) =>
        runNode('children/list-child.mjs', [id, mode, server.origin, String(size)]);
      const samples = await interleaved(variants, repetitions, run, log);
      const fields = ['listMs', 'peakRssMiB', 'processMs'];
      // Each mode is compared with raw undici in the same mode.
      const baseFor = (key) => `${BASELINE}/${key.split('/')[1]}`;
      figures[size] = summariseRounds(samples, fields, baseFor);
    } finally {
      server.stop();
    }
  }
  return figures;
}

/**
 * S4: a fresh process imports the client, builds it and makes one request; `node` is the
 * floor, a process that imports nothing.
 * @param {{ adapter: any }[]} ready
 * @param {string} origin
 * @param {number} repetitions
 * @param {(line: string) => void} log
 */
export async function coldStart(ready, origin, repetitions, log) {
  const variants = [{ key: 'node', script: 'children/empty-child.mjs', args: [] }];
  for (const { adapter } of ready) {
    variants.push({
      key: adapter.id,
      script: 'children/cold-child.mjs',
      args: [adapter.id, origin],
    });
  }
  log('S4: cold start');
  const run = ({ script, args }) => runNode(script, args);
  const samples = await interleaved(variants, repetitions, run, log);
  const fields = ['importMs', 'firstResponseMs', 'processMs'];
  return summariseRounds(samples, fields);
}
