/**
 * The clients the benchmark compares. Each adapter loads its library on demand (so a cold
 * process can time the import alone) and builds a client with the same few operations.
 *
 * @typedef {object} BenchClient
 * @property {(id: string) => Promise<unknown>} info GET /apps/{id}, parsed
 * @property {(body: object) => Promise<unknown>} create POST /apps, parsed
 * @property {() => Promise<unknown[]>} [listAll] every app of GET /apps, over pages
 * @property {() => AsyncIterable<unknown>} [iterate] the same apps, one page in memory at a time
 * @property {() => unknown} [close] releases sockets
 *
 * @typedef {object} ClientAdapter
 * @property {string} id short name used in results and on the command line
 * @property {string} label name printed in tables
 * @property {() => Promise<unknown>} load imports the library; rejects while it is unavailable
 * @property {(lib: any, origin: string) => BenchClient} build a client for the server at origin
 * @property {boolean} [inProgress] still being built: a failure reads "not available yet"
 */
import fetchClient from './fetch.mjs';
import herokuClient3 from './heroku-client-3.mjs';
import httpCall from './http-call.mjs';
import { oursFluent, oursGeneric } from './ours.mjs';
import undiciClient from './undici.mjs';

/** The baseline every figure is divided by. */
export const BASELINE = 'undici';

/** Every client, baseline first. */
export const ADAPTERS = [
  undiciClient,
  fetchClient,
  herokuClient3,
  httpCall,
  oursGeneric,
  oursFluent,
];

/**
 * The adapter with this id.
 * @param {string} id
 */
export function adapterById(id) {
  const adapter = ADAPTERS.find((a) => a.id === id);
  if (adapter === undefined) throw new Error(`unknown client "${id}"`);
  return adapter;
}
