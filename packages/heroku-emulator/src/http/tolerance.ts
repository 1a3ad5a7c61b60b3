/**
 * Makes request bodies as acceptable as the real API finds them. The official
 * CLI sends formation quantities as strings, relative ones (`"+1"`, `"-2"`), the
 * deprecated `size` key with capitalised size names, and extra keys the schema
 * does not list; Heroku accepts all of that, so the emulator must too.
 */

/** A validator's finding (`ValidationIssue` of heroku-client). */
export interface ValidationIssue {
  readonly path: string;
  readonly rule: string;
  readonly message: string;
}

/** A relative quantity as the CLI sends it for `web+1` / `web-1`. */
export const RELATIVE_QUANTITY = /^[+-]\d+$/;

/** Links whose bodies carry formation updates. */
const FORMATION_LINKS = new Set(['formation.update', 'formation.batchUpdate']);

/**
 * The body behaviours receive: formation entries get `dyno_size: {name}` for a
 * `size` string and integer quantities for numeric strings; relative quantities
 * stay strings (`"+1"`) for the formation behaviour to apply.
 */
export function normaliseBody(linkId: string, body: unknown): unknown {
  if (ADDON_LINKS.has(linkId) && isObject(body)) return normaliseAddon(body);
  if (!FORMATION_LINKS.has(linkId) || !isObject(body)) return body;
  if (Array.isArray(body.updates)) {
    return { ...body, updates: body.updates.map((u: unknown) => normaliseFormation(u)) };
  }
  return normaliseFormation(body);
}

/** The copy of a normalised body that is checked against the schema. */
export function bodyForValidation(linkId: string, body: unknown): unknown {
  const lookupKey = RESOLUTION_KEYS[linkId];
  if (lookupKey !== undefined && isObject(body)) return anyIdentifier(body, lookupKey);
  if (!FORMATION_LINKS.has(linkId) || !isObject(body)) return body;
  const absolute = (entry: unknown) => {
    if (!isObject(entry) || typeof entry.quantity !== 'string') return entry;
    if (!RELATIVE_QUANTITY.test(entry.quantity)) return entry;
    return { ...entry, quantity: Math.abs(Number(entry.quantity)) };
  };
  if (Array.isArray(body.updates)) return { ...body, updates: body.updates.map(absolute) };
  return absolute(body);
}

/**
 * Issues the emulator answers 422 for. Unknown keys next to declared properties
 * are tolerated like the real API does; in a free-form map (config vars) the key
 * rule is the only rule there is, so it stands.
 */
export function blockingIssues(
  issues: readonly ValidationIssue[],
  declaresProperties: boolean,
): ValidationIssue[] {
  return issues.filter((issue) => issue.rule !== 'additionalProperties' || !declaresProperties);
}

/**
 * Resolution links take whatever a user typed (an id, a name, `app::NAME`)
 * although the schema declares a name pattern; the key checked leniently.
 */
const RESOLUTION_KEYS: Readonly<Record<string, string>> = {
  'add-on.resolution': 'addon',
  'add-on-attachment.resolution': 'addon_attachment',
};

/** A copy where a non-empty string at `key` stands in as a conforming name. */
function anyIdentifier(body: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = body[key];
  return typeof value === 'string' && value !== '' ? { ...body, [key]: 'identifier' } : body;
}

/** Links whose bodies name a plan; the official CLI sends it as `{ name }`. */
const ADDON_LINKS = new Set(['add-on.create', 'add-on.update']);

/** `plan: { name }` or `{ id }` becomes the plan identity string the schema declares. */
function normaliseAddon(body: Record<string, unknown>): Record<string, unknown> {
  const plan = body.plan;
  if (!isObject(plan)) return body;
  const identity = plan.name ?? plan.id;
  return typeof identity === 'string' ? { ...body, plan: identity } : body;
}

function normaliseFormation(entry: unknown): unknown {
  if (!isObject(entry)) return entry;
  const out: Record<string, unknown> = { ...entry };

  if (typeof out.quantity === 'string' && /^\d+$/.test(out.quantity.trim())) {
    out.quantity = Number(out.quantity.trim());
  }
  const size = out.dyno_size ?? out.size;
  if (typeof size === 'string') out.dyno_size = { name: size };
  else if (isObject(size)) out.dyno_size = size;
  delete out.size;
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
