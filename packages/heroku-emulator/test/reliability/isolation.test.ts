import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { routes } from 'heroku-client';
import { shapes } from '../../src/generated/shapes/index.js';
import type { RunningEmulator } from '../../src/index.js';
import type { Shape } from '../../src/schema/shape.js';
import { exampleOf } from '../../src/shapes/example.js';
import { call, start } from '../helpers.js';
import { snapshot } from './snapshot.js';

type Link = (typeof routes)[number];

const VICTIM = 'token-victim-0123';
const INTRUDER = 'token-intruder-0123';

let emulator: RunningEmulator;
let victimId: string;
let appId: string;
before(async () => {
  emulator = await start({
    rateLimit: { capacity: 1_000_000 },
    accounts: [
      { email: 'victim@example.com', token: VICTIM },
      { email: 'intruder@example.com', token: INTRUDER },
    ],
  });
  victimId = emulator.accounts[0]?.id ?? '';
  const created = await call(emulator, 'POST', '/apps', {
    token: VICTIM,
    body: { name: 'victim-app' },
  });
  appId = (created.json as { id: string }).id;
  await call(emulator, 'PATCH', '/apps/victim-app/config-vars', {
    token: VICTIM,
    body: { VICTIM_SECRET: 'do-not-leak' },
  });
  await call(emulator, 'POST', '/apps', { token: INTRUDER, body: { name: 'intruder-app' } });
});
after(() => emulator.stop());

/** A value of `shape` for a request body. */
function bodyValue(shape: Shape): unknown {
  if (shape.t === 'object') {
    return Object.fromEntries(Object.entries(shape.props).map(([k, s]) => [k, bodyValue(s)]));
  }
  if (shape.t === 'array') return [bodyValue(shape.items)];
  if (shape.t === 'union') return bodyValue(shape.of.find((alt) => alt.t !== 'any') ?? shape);
  return exampleOf(shape);
}

/** The values of a link's later slots: records of the victim's app, made for the purpose. */
function laterSlots(link: Link): string[] {
  const parents: Record<string, string> = { app: appId };
  return link.slots.slice(1).map((slot) => {
    if (slot.keys.includes('self')) return '~';
    const id = randomUUID();
    const shape = shapes[slot.resource]?.resource;
    const data = { ...((shape === undefined ? {} : exampleOf(shape)) as object), id } as Record<
      string,
      unknown
    >;
    const key = slot.keys.find((k) => k !== 'self') ?? 'id';
    if (key !== 'id') data[key] = `${key}-${id.slice(0, 8)}`;
    emulator.store.put({
      collection: slot.resource,
      id,
      data,
      parents: { ...parents },
      owner: victimId,
    });
    parents[slot.resource] = id;
    return String(data[key]);
  });
}

function hrefWith(link: Link, values: readonly string[]): string {
  let path = link.href;
  link.slots.forEach((slot, i) => {
    path = path.replace(`{${slot.name}}`, encodeURIComponent(values[i] ?? ''));
  });
  return path;
}

/** Status and error identity of an answer: what a caller could learn from it. */
function outcome(reply: { status: number; json: unknown }) {
  const body = (reply.json ?? {}) as { id?: unknown; message?: unknown; resource?: unknown };
  return { status: reply.status, id: body.id, message: body.message, resource: body.resource };
}

test("every app-scoped link answers for another account's app as for no app at all", async () => {
  // Team apps are apps too: their links reach the same records by name.
  const appLinks = routes.filter((link) =>
    ['app', 'team-app'].includes(link.slots[0]?.resource ?? ''),
  );
  assert.ok(appLinks.length >= 80);
  const prepared = appLinks.map((link) => ({ link, later: laterSlots(link) }));
  const before = snapshot(emulator.store, (owner) => owner !== victimId);
  const differences: string[] = [];
  let notFound = 0;

  for (const { link, later } of prepared) {
    const shape = shapes[link.resource]?.bodies[link.id];
    const body = link.hasBody && shape !== undefined ? bodyValue(shape) : undefined;
    const send = (app: string) =>
      call(emulator, link.method, hrefWith(link, [app, ...later]), { token: INTRUDER, body });

    for (const [hidden, missing] of [
      ['victim-app', 'no-such-app'],
      [appId, randomUUID()],
    ] as const) {
      const seen = outcome(await send(hidden));
      const unknown = outcome(await send(missing));
      if (JSON.stringify(seen) !== JSON.stringify(unknown)) {
        differences.push(`${link.id}: ${JSON.stringify(seen)} vs ${JSON.stringify(unknown)}`);
      }
      if (seen.status < 400) differences.push(`${link.id}: answered ${seen.status}`);
      if (seen.status === 404) notFound += 1;
    }
  }
  assert.deepEqual(differences, []);
  // Most links get as far as looking the app up; the rest stop earlier (e.g. at validation).
  assert.ok(notFound > appLinks.length, `only ${notFound} answers were 404`);
  assert.deepEqual(
    snapshot(emulator.store, (owner) => owner !== victimId),
    before,
  );
});

test("lists and direct lookups never show another account's things", async () => {
  const addOn = randomUUID();
  emulator.store.put({
    collection: 'add-on',
    id: addOn,
    data: { id: addOn, name: 'victim-db', app: { id: appId, name: 'victim-app' } },
    parents: { app: appId },
    owner: victimId,
  });
  for (const path of ['/apps', '/users/~/apps', '/addons', '/addon-attachments']) {
    const reply = await call(emulator, 'GET', path, { token: INTRUDER });
    assert.equal(reply.status, 200, path);
    assert.doesNotMatch(reply.text, /victim|do-not-leak/, path);
  }
  const hidden = outcome(await call(emulator, 'GET', `/addons/${addOn}`, { token: INTRUDER }));
  const unknown = outcome(
    await call(emulator, 'GET', `/addons/${randomUUID()}`, { token: INTRUDER }),
  );
  assert.deepEqual(hidden, unknown);
  assert.equal(hidden.status, 404);
});
