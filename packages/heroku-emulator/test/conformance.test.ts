import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { routes } from 'heroku-client/generated/route-table';
import { shapes } from '../src/generated/shapes/index.js';
import type { RunningEmulator } from '../src/index.js';
import type { Shape } from '../src/schema/shape.js';
import { shapeIssues } from '../src/shapes/conforms.js';
import { exampleOf, scalarDefault } from '../src/shapes/example.js';
import { call, start } from './helpers.js';

let emulator: RunningEmulator;
let accountId: string;
before(async () => {
  emulator = await start({
    rateLimit: { capacity: 100_000 },
    accounts: [1, 2, 3].map((n) => ({ email: `user${n}@example.com`, token: `token-${n}` })),
  });
  accountId = emulator.accounts[0]?.id ?? '';
});
after(() => emulator.stop());

/** Puts a fresh record for each slot of a link and returns the concrete path. */
function pathFor(link: (typeof routes)[number]): string {
  const parents: Record<string, string> = {};
  let path = link.href;
  for (const slot of link.slots) {
    let value: string;
    if (slot.keys.includes('self')) {
      value = '~';
    } else {
      const id = randomUUID();
      const shape = shapes[slot.resource]?.resource;
      const data = { ...((shape === undefined ? {} : exampleOf(shape)) as object), id } as Record<
        string,
        unknown
      >;
      const key = slot.keys.find((k) => k !== 'self') ?? 'id';
      if (key !== 'id') data[key] = `${key}-${id.slice(0, 8)}`;
      if (typeof data.name === 'string') data.name = `n${id.slice(0, 8)}`;
      emulator.store.put({
        collection: slot.resource,
        id,
        data,
        parents: { ...parents },
        owner: accountId,
      });
      parents[slot.resource] = id;
      value = String(data[key]);
    }
    path = path.replace(`{${slot.name}}`, encodeURIComponent(value));
  }
  return path;
}

let counter = 0;

/** A body value valid for `shape`: its example when that conforms, else one built from types. */
function validValue(shape: Shape, key = ''): unknown {
  if (shape.t === 'object') {
    const value: Record<string, unknown> = {};
    for (const [prop, propShape] of Object.entries(shape.props)) {
      value[prop] = validValue(propShape, prop);
    }
    return value;
  }
  if (shape.t === 'array') return [validValue(shape.items)];
  if (shape.t === 'union') return validValue(shape.of.find((alt) => alt.t !== 'any') ?? shape);
  const example = exampleOf(shape);
  const value = shapeIssues(example, shape).length === 0 ? example : scalarDefault(shape);
  // Names must not collide with records made for earlier links.
  if (key === 'name' && typeof value === 'string') return `${value}-n${++counter}`;
  return value;
}

function refusedInEnvelope(status: number, body: unknown): boolean {
  if (status < 400 || status > 499 || typeof body !== 'object' || body === null) return false;
  const { id, message } = body as { id?: unknown; message?: unknown };
  return typeof id === 'string' && typeof message === 'string';
}

test('every link answers a valid request with a 2xx that conforms to its target', async () => {
  const failures: string[] = [];
  const semantic = new Set(emulator.behaviours.ids());
  // Deleting the account ends its token, so those links run last.
  const accountDeletes = (l: (typeof routes)[number]) =>
    l.resource === 'account' && l.method === 'DELETE' ? 1 : 0;
  const ordered = [...routes].sort((a, b) => accountDeletes(a) - accountDeletes(b));
  let deleted = 0;
  for (const link of ordered) {
    const bodyShape = shapes[link.resource]?.bodies[link.id];
    const body = link.hasBody && bodyShape !== undefined ? validValue(bodyShape) : undefined;
    const query =
      link.query && typeof body === 'object' && body !== null
        ? `?${new URLSearchParams(body as Record<string, string>)}`
        : '';
    // Each account deletion uses an account of its own.
    const token = accountDeletes(link) === 1 ? `token-${++deleted + 1}` : undefined;
    const reply = await call(emulator, link.method, pathFor(link) + query, {
      body: link.query ? undefined : body,
      token,
    });
    // A link with real semantics may refuse the made-up references of a schema-built
    // request (an example region, a slug that was never made) as Heroku would: in the
    // error envelope, never with a 5xx. Its own behaviour tests cover its successes.
    if (semantic.has(link.id) && refusedInEnvelope(reply.status, reply.json)) continue;
    if (reply.status < 200 || reply.status > 299) {
      failures.push(`${link.id}: ${reply.status} ${reply.text.slice(0, 160)}`);
      continue;
    }
    const target = shapes[link.resource]?.targets[link.id];
    if (target === undefined || reply.json === undefined) continue;
    const issues = shapeIssues(reply.json, target);
    if (issues.length > 0) failures.push(`${link.id}: ${issues.slice(0, 3).join('; ')}`);
  }
  assert.deepEqual(failures, [], `${failures.length} of ${routes.length} links failed`);
});
