/**
 * S4 in a fresh process: import one client, build it, make one request, print the timings.
 * performance.now() counts from the start of this process, so firstResponseMs includes
 * Node's own start-up; the parent adds the whole process wall time (spawn to exit).
 *
 *   node bench/children/cold-child.mjs <client> <origin>
 */
import { adapterById } from '../clients/index.mjs';

const [clientId = '', origin = ''] = process.argv.slice(2);
const adapter = adapterById(clientId);

const importStarted = performance.now();
const lib = await adapter.load();
const importMs = performance.now() - importStarted;

const client = adapter.build(lib, origin);
const app = await client.info('bench-app-000001');
const firstResponseMs = performance.now();
if (app?.name !== 'bench-app-000001')
  throw new Error('the first response is not the app asked for');

await client.close?.();
console.log(JSON.stringify({ importMs, firstResponseMs }));
