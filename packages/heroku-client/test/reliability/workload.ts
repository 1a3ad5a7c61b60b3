/**
 * A mixed workload for the client under injected faults: reads, config
 * updates, creates, scaling, idempotent replacements and long lists, spread
 * over workers that each own one app, chosen by a seeded generator.
 */
import type { Heroku } from '../../src/index.js';

/** How one call ended. */
export interface CallRecord {
  readonly kind: string;
  readonly method: string;
  readonly ok: boolean;
  /** The error's class name when the call failed. */
  readonly error: string | undefined;
  readonly ms: number;
  /** For creates, the name asked for; for config updates, the key and value set. */
  readonly detail: string;
}

/** What a worker needs. */
export interface Worker {
  readonly heroku: Heroku;
  /** A client of the account whose app has a long list of domains. */
  readonly lister: Heroku;
  readonly app: string;
  readonly index: number;
}

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Step = {
  kind: string;
  method: string;
  detail: string;
  run: (signal: AbortSignal) => Promise<unknown>;
};

function chooseStep(worker: Worker, i: number, roll: number, listed: number): Step {
  const { heroku, app } = worker;
  const at = `/apps/${app}`;
  const read = (kind: string, path: string): Step => ({
    kind,
    method: 'GET',
    detail: '',
    run: (signal) => heroku.get(path, { signal }),
  });
  if (roll < 0.1) return read('read app', at);
  if (roll < 0.2) return read('read config', `${at}/config-vars`);
  if (roll < 0.28) return read('read formation', `${at}/formation`);
  if (roll < 0.35) return read('read account', '/account');
  if (roll < 0.4) {
    return {
      kind: 'list domains',
      method: 'GET',
      detail: '',
      run: async (signal) => {
        const path = '/apps/listed-app/domains';
        const domains = (await worker.lister.get(path, { signal })) as { hostname: string }[];
        // The app's own herokuapp.com domain may come on top of the ones put there.
        const distinct = new Set(domains.map((d) => d.hostname)).size;
        if (distinct < listed || distinct !== domains.length) {
          throw new Error(`listed ${domains.length} domains (${distinct} distinct) of ${listed}`);
        }
      },
    };
  }
  if (roll < 0.6) {
    const key = `KEY_${i % 4}`;
    const value = `w${worker.index}-${i}`;
    return {
      kind: 'config update',
      method: 'PATCH',
      detail: `${key}=${value}`,
      run: (signal) => heroku.patch(`${at}/config-vars`, { body: { [key]: value }, signal }),
    };
  }
  if (roll < 0.7) {
    const name = `made-${worker.index}-${i}`;
    return {
      kind: 'create',
      method: 'POST',
      detail: name,
      run: (signal) => heroku.post('/apps', { body: { name }, signal }),
    };
  }
  if (roll < 0.85) {
    const updates = [{ type: 'web', quantity: i % 5 }];
    return {
      kind: 'scale',
      method: 'PATCH',
      detail: '',
      run: (signal) => heroku.patch(`${at}/formation`, { body: { updates }, signal }),
    };
  }
  const updates = [{ buildpack: 'heroku/nodejs' }];
  return {
    kind: 'replace buildpacks',
    method: 'PUT',
    detail: '',
    run: (signal) => heroku.put(`${at}/buildpack-installations`, { body: { updates }, signal }),
  };
}

/** Runs `calls` calls for one worker, one after another; `listed` is the long list's length. */
export async function runWorker(
  worker: Worker,
  calls: number,
  listed: number,
  callDeadlineMs: number,
): Promise<CallRecord[]> {
  const random = seeded(1000 + worker.index);
  const records: CallRecord[] = [];
  for (let i = 0; i < calls; i++) {
    const step = chooseStep(worker, i, random(), listed);
    const started = performance.now();
    let error: string | undefined;
    try {
      await step.run(AbortSignal.timeout(callDeadlineMs));
    } catch (cause) {
      error =
        cause instanceof Error ? `${cause.constructor.name}: ${cause.message}` : String(cause);
    }
    const ms = performance.now() - started;
    records.push({ ...step, ok: error === undefined, error, ms });
  }
  return records;
}
