/**
 * S3 in a fresh process: list every app of the server at <origin> with one client, either
 * awaiting the whole list or iterating it, and print the time, the count and the peak RSS.
 *
 *   node bench/children/list-child.mjs <client> <all|iterate> <origin> <expected count>
 */
import { readFileSync } from 'node:fs';
import { adapterById } from '../clients/index.mjs';

/**
 * Peak resident set of this program in MiB: VmHWM, the high-water mark of the memory map
 * created at exec. getrusage's maxRSS is not used because Linux carries the forking parent's
 * peak over into the child.
 */
function peakRssMiB() {
  const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  if (hwm === null) throw new Error('no VmHWM in /proc/self/status (the benchmark needs Linux)');
  return Number(hwm[1]) / 1024;
}

const [clientId = '', mode = '', origin = '', expectedText = ''] = process.argv.slice(2);
const expected = Number(expectedText);
const adapter = adapterById(clientId);
const client = adapter.build(await adapter.load(), origin);

// Counting and an order check run in both modes, so both do the same work per item.
let count = 0;
let previous = '';
const see = (app) => {
  if (!(app.id > previous)) throw new Error(`item ${count} (${app.id}) is out of order`);
  previous = app.id;
  count++;
};

const started = performance.now();
if (mode === 'all') {
  const apps = await client.listAll();
  for (const app of apps) see(app);
} else if (mode === 'iterate') {
  for await (const app of client.iterate()) see(app);
} else {
  throw new Error(`unknown mode "${mode}"`);
}
const listMs = performance.now() - started;

if (count !== expected) throw new Error(`listed ${count} apps instead of ${expected}`);
await client.close?.();
console.log(JSON.stringify({ listMs, count, peakRssMiB: peakRssMiB() }));
