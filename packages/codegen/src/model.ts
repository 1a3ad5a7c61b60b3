/**
 * Turns the schema's links into the route table's model: normalised method,
 * named slots, list-ness, variant, statuses, and a fluent chain with an action
 * name. Collisions are resolved here, deterministically, and recorded.
 */
import { resolveChains } from './chains.js';
import { camelCase } from './naming.js';
import { deref, type RawLink, type SchemaDocument, typesOf } from './schema.js';
import { decodeHref, type Segment, type Slot, stepName } from './slots.js';

export interface Step {
  readonly name: string;
  readonly segment: string;
  readonly params: number;
}

/** One link, fully resolved. */
export interface LinkModel {
  readonly resource: string;
  readonly raw: RawLink;
  readonly title: string;
  readonly method: string;
  readonly href: string;
  readonly shapeKey: string;
  readonly slots: readonly Slot[];
  readonly rel: string | null;
  readonly list: boolean;
  readonly variant: string | null;
  readonly statuses: readonly number[];
  readonly hasBody: boolean;
  readonly required: readonly string[];
  readonly query: boolean;
  readonly ranges: readonly string[];
  chain: Step[];
  action: string;
  id: string;
}

/** A collision the generator met and how it resolved it, for the manifest. */
export interface Collision {
  readonly kind: string;
  readonly links: readonly string[];
  readonly resolution: string;
}

/** Sort fields per list, from the API reference's "Accept-Ranges" table. */
const KNOWN_RANGES: Record<string, string[]> = {
  'GET /apps': ['id', 'name', 'updated_at'],
  'GET /users/{}/apps': ['id', 'name', 'updated_at'],
  'POST /filters/apps': ['id', 'name', 'updated_at'],
  'GET /apps/{}/builds': ['id', 'started_at'],
  'GET /teams/{}/members': ['email'],
  'GET /apps/{}/releases': ['id', 'version'],
  'GET /apps/{}/dynos': ['id', 'name'],
  'GET /apps/{}/formation': ['id', 'type'],
  'GET /apps/{}/domains': ['id', 'hostname'],
  'GET /account/keys': ['id', 'fingerprint'],
  'GET /apps/{}/log-drains': ['id', 'url'],
  'GET /apps/{}/collaborators': ['id', 'email'],
  'GET /addons': ['id', 'name'],
  'GET /apps/{}/addons': ['id', 'name'],
  'GET /apps/{}/features': ['id', 'name'],
  'GET /account/features': ['id', 'name'],
  'GET /regions': ['id', 'name'],
  'GET /addon-services': ['id', 'name'],
  'GET /account/app-transfers': ['id', 'name'],
  'GET /account/credits': ['id'],
};

/** Builds the model of every link, in schema order, with collisions resolved. */
export function buildModel(
  document: SchemaDocument,
  v3Endpoints: ReadonlySet<string> | null,
): { links: LinkModel[]; collisions: Collision[] } {
  const links: LinkModel[] = [];
  for (const resource of Object.keys(document.definitions).sort()) {
    const definition = document.definitions[resource];
    for (const raw of definition?.links ?? []) {
      links.push(linkModel(document, resource, raw, v3Endpoints));
    }
  }
  const collisions = [
    ...sharedEndpoints(links),
    ...caseVariants(links),
    ...missingTitles(links),
    ...resolveChains(links),
    ...assignIds(links),
  ];
  return { links, collisions };
}

function linkModel(
  document: SchemaDocument,
  resource: string,
  raw: RawLink,
  v3Endpoints: ReadonlySet<string> | null,
): LinkModel {
  const method = raw.method.toUpperCase();
  const segments = decodeHref(document, raw.href);
  const shapeKey = endpointKey(method, segments);
  const target = raw.targetSchema === undefined ? undefined : deref(document, raw.targetSchema);
  const rel = typeof raw.rel === 'string' ? raw.rel : null;
  // Without a target schema the link answers its resource (see `resultSchema`),
  // a list of them for `instances`.
  const list = target === undefined ? rel === 'instances' : typesOf(target).includes('array');
  const body = raw.schema === undefined ? undefined : deref(document, raw.schema);
  const title = raw.title ?? defaultTitle(method, list);

  return {
    resource,
    raw,
    title,
    method,
    href: hrefOf(segments),
    shapeKey,
    slots: segments.flatMap((s) => (s.kind === 'slot' ? [s.slot] : [])),
    rel,
    list,
    variant: v3Endpoints === null || v3Endpoints.has(shapeKey) ? null : '3.sdk',
    statuses: statusesOf(rel, method, list),
    hasBody: body !== undefined,
    required: body?.required ?? [],
    query: method === 'GET' && body !== undefined,
    ranges: raw.ranges ?? KNOWN_RANGES[shapeKey] ?? [],
    chain: chainOf(segments),
    action: camelCase(title),
    id: '',
  };
}

/** The href with slots named, keeping a literal `~` as the API spells it. */
function hrefOf(segments: readonly Segment[]): string {
  const parts = segments.map((s) => {
    if (s.kind === 'literal') return s.text;
    return s.slot.pointer === '~' ? '~' : `{${s.slot.name}}`;
  });
  return `/${parts.join('/')}`;
}

/** `GET /apps/{}/dynos`: the method and href with every slot blanked. */
export function endpointKey(method: string, segments: readonly Segment[]): string {
  const path = segments.map((s) => (s.kind === 'literal' ? s.text : '{}')).join('/');
  return `${method} /${path}`;
}

function defaultTitle(method: string, list: boolean): string {
  if (method === 'GET') return list ? 'List' : 'Info';
  return { POST: 'Create', PATCH: 'Update', PUT: 'Update', DELETE: 'Delete' }[method] ?? 'Call';
}

// rel `create` answers 201 and rel `empty` 202 (the API reference's examples);
// lists may answer 206 while more pages remain.
function statusesOf(rel: string | null, method: string, list: boolean): number[] {
  if (rel === 'create') return [201];
  if (rel === 'empty') return [202];
  if (list && (method === 'GET' || rel === 'instances')) return [200, 206];
  return [200];
}

function chainOf(segments: readonly Segment[]): Step[] {
  const steps: Step[] = [];
  for (const segment of segments) {
    const last = steps[steps.length - 1];
    if (segment.kind === 'slot') {
      if (last === undefined) throw new Error('an href cannot start with a placeholder');
      steps[steps.length - 1] = { ...last, params: last.params + 1 };
    } else {
      steps.push({ name: stepName(segment.text), segment: segment.text, params: 0 });
    }
  }
  return steps;
}

function sharedEndpoints(links: readonly LinkModel[]): Collision[] {
  const byKey = groupBy(links, (link) => link.shapeKey);
  return [...byKey.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({
      kind: 'same method and href',
      links: group.map(describe),
      resolution: 'kept as separate actions named after their titles',
    }));
}

function caseVariants(links: readonly LinkModel[]): Collision[] {
  const byAction = groupBy(links, (link) => link.action);
  const out: Collision[] = [];
  for (const [action, group] of byAction) {
    const titles = [...new Set(group.map((link) => link.title))];
    const lower = new Set(titles.map((title) => title.toLowerCase()));
    if (lower.size < titles.length) {
      out.push({
        kind: 'titles that differ only in case',
        links: titles,
        resolution: `all named ${action}`,
      });
    }
  }
  return out;
}

function missingTitles(links: readonly LinkModel[]): Collision[] {
  return links
    .filter((link) => link.raw.title === undefined)
    .map((link) => ({
      kind: 'missing title',
      links: [describe(link)],
      resolution: `titled ${link.title} from its method and target`,
    }));
}

export function describe(link: LinkModel): string {
  return `${link.resource} "${link.raw.title ?? ''}" ${link.method} ${link.href}`;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = map.get(k);
    if (group === undefined) map.set(k, [item]);
    else group.push(item);
  }
  return map;
}

/** Link ids: `<resource>.<action>`, numbered in schema order when repeated. */
function assignIds(links: LinkModel[]): Collision[] {
  const out: Collision[] = [];
  for (const [key, group] of groupBy(links, (l) => `${l.resource}.${l.action}`)) {
    group.forEach((link, index) => {
      link.id = index === 0 ? key : `${key}${index + 1}`;
    });
    if (group.length > 1) {
      out.push({
        kind: 'same action name within one resource',
        links: group.map(describe),
        resolution: `ids ${group.map((l) => l.id).join(', ')}`,
      });
    }
  }
  return out;
}
