/**
 * One generated module per resource: its interface, each link's body and result
 * types, and the link validators.
 */
import { docComment, type TypeContext, typeName, typeOf } from './emit-types.js';
import { emitChecks } from './emit-validators.js';
import type { LinkModel } from './model.js';
import { pascalCase } from './naming.js';
import { deref, type JsonSchema, type SchemaDocument, typesOf } from './schema.js';

/** `dyno.create` → `DynoCreate`, the prefix of a link's type names. */
export function linkTypePrefix(link: LinkModel): string {
  return `${typeName(link.resource)}${pascalCase(link.id.slice(link.resource.length + 1))}`;
}

/** Relations whose link answers its own resource when it names no target schema. */
const RESOURCE_RELS: ReadonlySet<string | null> = new Set([
  'self',
  'instances',
  'create',
  'update',
]);

/**
 * A link's target schema. A link with none (archives, audit trail events, test
 * runs, OAuth client info, ...) answers its resource, as Heroku's reference
 * documents them, a list of them for `instances`, unless its relation says it
 * answers nothing.
 */
export function targetOf(link: LinkModel): JsonSchema | undefined {
  if (link.raw.targetSchema !== undefined) return link.raw.targetSchema;
  if (!RESOURCE_RELS.has(link.rel)) return undefined;
  const resource = { $ref: `#/definitions/${link.resource}` };
  return link.list ? { type: ['array'], items: resource } : resource;
}

/** The item schema of a list link's target, or the target itself. */
export function resultSchema(document: SchemaDocument, link: LinkModel): JsonSchema | undefined {
  const target = targetOf(link);
  if (target === undefined) return undefined;
  const resolved = deref(document, target);
  if (link.list && resolved.items !== undefined) return resolved.items;
  return target;
}

/** The text of `generated/resources/<resource>.ts`. */
export function emitResource(
  document: SchemaDocument,
  resource: string,
  links: readonly LinkModel[],
): string {
  const imports = new Set<string>();
  const ctx: TypeContext = { document, imports };
  const responses: TypeContext = { document, imports, response: true };
  const definition = document.definitions[resource] ?? {};
  const parts: string[] = [resourceInterface(responses, resource, definition)];

  for (const link of links) parts.push(linkTypes(ctx, responses, link));
  const validators = links.filter((link) => link.raw.schema !== undefined);
  parts.push(validatorTable(validators));
  for (const link of validators) parts.push(validatorFunction(document, link));

  const code = parts.join('\n\n');
  return `${importsFor(ctx, resource, code)}\n\n${code}\n`;
}

function resourceInterface(ctx: TypeContext, resource: string, definition: JsonSchema): string {
  const { links: _links, definitions: _defs, ...shape } = definition;
  const body = typeOf(ctx, { ...shape, type: typesOf(definition).filter((t) => t !== 'null') });
  const doc = docComment(definition.description, '', [
    `Stability: ${definition.stability ?? 'unknown'}.`,
  ]);
  const name = typeName(resource);
  return body.startsWith('{')
    ? `${doc}export interface ${name} ${body}`
    : `${doc}export type ${name} = ${body};`;
}

function linkTypes(ctx: TypeContext, responses: TypeContext, link: LinkModel): string {
  const prefix = linkTypePrefix(link);
  const out: string[] = [];
  const where = `\`${link.method} ${link.href}\` (${link.title})`;
  if (link.raw.schema !== undefined) {
    const body = typeOf(ctx, link.raw.schema);
    const doc = docComment(`Request body of ${where}.`, '');
    out.push(
      body.startsWith('{')
        ? `${doc}export interface ${prefix}Body ${body}`
        : `${doc}export type ${prefix}Body = ${body};`,
    );
  }
  const result = resultSchema(ctx.document, link);
  const type = result === undefined ? 'unknown' : typeOf(responses, result);
  const what = link.list ? 'One item of the list answered by' : 'Result of';
  out.push(`${docComment(`${what} ${where}.`, '')}export type ${prefix}Result = ${type};`);
  return out.join('\n\n');
}

function validatorTable(links: readonly LinkModel[]): string {
  const rows = links.map(
    (link) => `  ${JSON.stringify(link.id)}: validate${linkTypePrefix(link)},`,
  );
  const doc = docComment('Request body validators of this resource, by link id.', '');
  const body = rows.length === 0 ? '{}' : `{\n${rows.join('\n')}\n}`;
  return `${doc}export const validators: Readonly<Record<string, Validator>> = ${body};`;
}

function validatorFunction(document: SchemaDocument, link: LinkModel): string {
  const schema = link.raw.schema ?? {};
  const checks = emitChecks(document, schema, 'value', 'body', '  ');
  return [
    `function validate${linkTypePrefix(link)}(value: unknown): ValidationIssue[] {`,
    '  const out: ValidationIssue[] = [];',
    ...checks,
    '  return out;',
    '}',
  ].join('\n');
}

function importsFor(ctx: TypeContext, resource: string, code: string): string {
  const lines: string[] = [];
  const runtime = ['anyOf', 'fail', 'isObj', 'kindOf'].filter((name) =>
    new RegExp(`\\b${name}\\(`).test(code),
  );
  if (runtime.length > 0) {
    lines.push(`import { ${runtime.join(', ')} } from '../../resources/checks.js';`);
  }
  lines.push("import type { ValidationIssue, Validator } from '../../resources/validation.js';");
  for (const other of [...ctx.imports].sort()) {
    if (other === resource) continue;
    lines.push(`import type { ${typeName(other)} } from './${other}.js';`);
  }
  return lines.join('\n');
}
