/**
 * Markdown docs, one page per resource, in the format of the original
 * heroku-client docs: the call, a Method | Path | Expected Status(es) table,
 * the attributes each action takes, and each attribute's description with an
 * Example | Serialized? | Type table.
 */
import type { LinkModel } from './model.js';
import { deref, type JsonSchema, type SchemaDocument, typesOf } from './schema.js';

/** The exact call the docs show for a link. */
export function docCall(link: LinkModel): string {
  let slot = 0;
  const steps = link.chain.map((step) => {
    const args = link.slots.slice(slot, slot + step.params).map((s) => `{${s.name}}`);
    slot += step.params;
    return `${step.name}(${args.join(', ')})`;
  });
  const args = link.raw.schema === undefined ? '{callback}' : '{attributes}, {callback}';
  return `heroku.${[...steps, `${link.action}(${args})`].join('.')};`;
}

/** The page of one resource. */
export function emitResourceDoc(
  document: SchemaDocument,
  resource: string,
  links: readonly LinkModel[],
  header: string,
): string {
  const definition = document.definitions[resource] ?? {};
  const out: string[] = [header, '', `# ${titleOf(definition, resource)}`, ''];
  if (definition.stability !== undefined) out.push(`Stability: \`${definition.stability}\``, '');
  out.push(definition.description ?? '', '', '## Actions', '');

  const attributes = new Map<string, JsonSchema>();
  for (const link of links) {
    out.push(...actionSection(document, link, attributes));
  }

  const serialized = new Set(Object.keys(definition.properties ?? {}));
  for (const [name, property] of Object.entries(definition.properties ?? {})) {
    if (!attributes.has(name)) attributes.set(name, property);
  }
  if (attributes.size > 0) out.push('## Attributes', '');
  for (const [name, property] of [...attributes].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(...attributeSection(document, name, property, serialized.has(name)));
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function titleOf(definition: JsonSchema, resource: string): string {
  return definition.title?.replace(/^Heroku Platform API - /, '') ?? resource;
}

function actionSection(
  document: SchemaDocument,
  link: LinkModel,
  attributes: Map<string, JsonSchema>,
): string[] {
  const out = [`### ${link.title}`, ''];
  if (link.raw.description !== undefined) out.push(link.raw.description, '');
  out.push(`\`${docCall(link)}\``, '');
  out.push('Method | Path | Expected Status(es)', '--- | --- | ---');
  out.push(`${link.method} | ${link.href} | ${link.statuses.join(', ')}`, '');
  if (link.variant !== null)
    out.push(`Sent with \`Accept: application/vnd.heroku+json; version=${link.variant}\`.`, '');

  const body = link.raw.schema === undefined ? undefined : deref(document, link.raw.schema);
  const properties = Object.entries(body?.properties ?? {});
  const required = new Set(body?.required ?? []);
  const lists: Array<[string, string[]]> = [
    ['Required Attributes', properties.filter(([n]) => required.has(n)).map(([n]) => n)],
    ['Optional Attributes', properties.filter(([n]) => !required.has(n)).map(([n]) => n)],
  ];
  for (const [heading, names] of lists) {
    if (names.length === 0) continue;
    out.push(`#### ${heading}`, '', ...names.map((name) => `- ${name}`), '');
  }
  for (const [name, property] of properties) {
    if (!attributes.has(name)) attributes.set(name, property);
  }
  return out;
}

function attributeSection(
  document: SchemaDocument,
  name: string,
  property: JsonSchema,
  serialized: boolean,
): string[] {
  const resolved = deref(document, property);
  const value = exampleOf(document, resolved, 0);
  const example = value === undefined ? '' : `\`${exampleText(value)}\``;
  const out = [`### \`${name}\``, ''];
  if (resolved.description !== undefined) out.push(`*${resolved.description.trim()}*`, '');
  out.push('Example | Serialized? | Type', '--- | --- | ---');
  out.push(`${example} | ${serialized} | ${typeText(document, resolved)}`, '');
  return out;
}

/**
 * The schema's example or, for an object or array that gives none (an app's
 * `owner`, a dyno's `release`), one built from its members' examples, as far
 * down as `MAX_EXAMPLE_DEPTH` levels.
 */
function exampleOf(document: SchemaDocument, schema: JsonSchema, depth: number): unknown {
  if (schema.example !== undefined) return schema.example;
  if (depth >= MAX_EXAMPLE_DEPTH) return undefined;
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined) {
    for (const choice of choices) {
      const found = exampleOf(document, deref(document, choice), depth);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (schema.properties !== undefined) {
    const out: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(schema.properties)) {
      const found = exampleOf(document, deref(document, member), depth + 1);
      if (found !== undefined) out[name] = found;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (schema.items !== undefined) {
    const item = exampleOf(document, deref(document, schema.items), depth + 1);
    return item === undefined ? undefined : [item];
  }
  return undefined;
}

const MAX_EXAMPLE_DEPTH = 3;

function exampleText(example: unknown): string {
  const text = typeof example === 'string' ? example : JSON.stringify(example);
  return text.replaceAll('|', '\\|').replaceAll('`', "'").replaceAll('\n', ' ');
}

function typeText(document: SchemaDocument, schema: JsonSchema): string {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined) {
    return [...new Set(choices.map((c) => typeText(document, deref(document, c))))].join(' or ');
  }
  if (schema.format === 'date-time') return 'datetime';
  if (schema.format === 'uuid') return 'uuid';
  const types = typesOf(schema).map((t) => (t === 'integer' ? 'number' : t));
  return types.length === 0 ? 'object' : types.join(' or ');
}

/** The index page linking every resource page. */
export function emitDocsIndex(
  document: SchemaDocument,
  byResource: ReadonlyMap<string, readonly LinkModel[]>,
  header: string,
): string {
  const rows = [...byResource.keys()].map((resource) => {
    const definition = document.definitions[resource] ?? {};
    const count = byResource.get(resource)?.length ?? 0;
    return `- [${titleOf(definition, resource)}](${resource}.md): ${count} action${count === 1 ? '' : 's'}`;
  });
  return [
    header,
    '',
    '# heroku-client API reference',
    '',
    'One page per resource of the Heroku Platform API. Each page shows the exact call of every',
    'action, its method, path and expected statuses, and the attributes it accepts.',
    '',
    ...rows,
    '',
  ].join('\n');
}
