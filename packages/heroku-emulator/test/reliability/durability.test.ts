import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ACCEPT } from '../helpers.js';
import { startChild } from './child-emulator.js';

const TOKEN = 'token-durable-0123';
const WRITERS = 8;
/** Acknowledged writes after which the emulator is killed. */
const KILL_AFTER = 240;

const dir = mkdtempSync(join(tmpdir(), 'emulator-durability-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function send(url: string, method: string, path: string, body?: unknown) {
  const response = await fetch(url + path, {
    method,
    headers: {
      Accept: ACCEPT,
      Authorization: `Bearer ${TOKEN}`,
      Range: 'id ..; max=1000',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

/** What the writers were told had succeeded. */
interface Acknowledged {
  readonly apps: string[];
  /** Per app, the numbers of config changes acknowledged. */
  readonly changes: Map<string, number[]>;
}

/** Writes until killed: config changes of two keys at once, and new apps. */
async function writeLoad(url: string, acked: Acknowledged, stop: () => boolean) {
  const writer = async (w: number) => {
    const app = `durable-${w}`;
    for (let n = 0; !stop(); n++) {
      try {
        if (n % 5 === 4) {
          const name = `durable-${w}-extra-${n}`;
          if ((await send(url, 'POST', '/apps', { name })).status === 201) acked.apps.push(name);
        } else {
          const pair = { [`A_${n}`]: String(n), [`B_${n}`]: String(n) };
          const reply = await send(url, 'PATCH', `/apps/${app}/config-vars`, pair);
          if (reply.status === 200) acked.changes.get(app)?.push(n);
        }
      } catch {
        return; // The emulator was killed while this call was in flight: it was never acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
}

test('a SIGKILL during writes loses no acknowledged write and leaves no half change', async () => {
  const data = join(dir, 'state.db');
  const args = [
    '--data',
    data,
    '--token',
    TOKEN,
    '--log-level',
    'silent',
    '--rate-limit',
    '100000',
  ];
  const first = await startChild(args);
  const acked: Acknowledged = { apps: [], changes: new Map() };
  for (let w = 0; w < WRITERS; w++) {
    assert.equal((await send(first.url, 'POST', '/apps', { name: `durable-${w}` })).status, 201);
    acked.apps.push(`durable-${w}`);
    acked.changes.set(`durable-${w}`, []);
  }

  const count = () => acked.apps.length + [...acked.changes.values()].flat().length;
  let killed = false;
  const load = writeLoad(first.url, acked, () => killed);
  while (count() < KILL_AFTER) await new Promise((resolve) => setTimeout(resolve, 5));
  first.child.kill('SIGKILL');
  killed = true;
  await Promise.all([load, first.exited]);

  const second = await startChild(args);
  try {
    for (const name of acked.apps) {
      assert.equal((await send(second.url, 'GET', `/apps/${name}`)).status, 200, name);
    }
    let releases = 0;
    for (const [app, numbers] of acked.changes) {
      const config = (await send(second.url, 'GET', `/apps/${app}/config-vars`)).json as Record<
        string,
        string
      >;
      for (const n of numbers) assert.equal(config[`A_${n}`], String(n), `${app} A_${n}`);
      // Both keys of a change, or neither.
      for (const key of Object.keys(config)) {
        const other = key.startsWith('A_') ? `B_${key.slice(2)}` : `A_${key.slice(2)}`;
        assert.ok(other in config, `${app} has ${key} without ${other}`);
      }
      releases += await assertReleasesMatch(second.url, app, config);
    }
    const resumed = await send(second.url, 'PATCH', '/apps/durable-0/config-vars', { AFTER: '1' });
    assert.equal(resumed.status, 200);
    process.stdout.write(
      `# durability: killed after ${count()} acknowledged writes; ${releases} config releases checked\n`,
    );
  } finally {
    second.child.kill('SIGTERM');
    await second.exited;
  }
});

/**
 * When the emulator keeps releases, every config change on disk has its
 * release and every config release its change.
 */
async function assertReleasesMatch(
  url: string,
  app: string,
  config: Record<string, string>,
): Promise<number> {
  const reply = await send(url, 'GET', `/apps/${app}/releases`);
  const releases = Array.isArray(reply.json) ? (reply.json as { description?: string }[]) : [];
  const described = releases.map((r) => r.description ?? '').filter((d) => /\bA_\d+\b/.test(d));
  if (releases.length === 0) return 0;
  for (const key of Object.keys(config).filter((k) => k.startsWith('A_'))) {
    assert.ok(
      described.some((d) => new RegExp(`\\b${key}\\b`).test(d)),
      `${app}: ${key} has no release`,
    );
  }
  for (const description of described) {
    const key = /\bA_\d+\b/.exec(description)?.[0] ?? '';
    assert.ok(key in config, `${app}: release "${description}" without its config change`);
  }
  return described.length;
}
