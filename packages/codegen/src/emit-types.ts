/**
 * JSON schema → TypeScript type text. References to a resource's root
 * definition become that resource's interface name; every other reference is
 * inlined, so each generated file only imports the interfaces it names.
 */
import { pascalCase } from './naming.js';
import { deref, type JsonSchema, resolvePointer, type SchemaDocument, typesOf } from './schema.js';

/** Collects the resource interfaces a type expression refers to. */
export interface TypeContext {
  readonly document: SchemaDocument;
  readonly imports: Set<string>;
  /**
   * Responses carry every declared property (null when unset), so in response
   * types every property is present; in request bodies only `required` ones.
   */
  readonly response?: boolean;
}

const ROOT_REF = /^#\/definitions\/([^/]+)$/;

/** The interface name of a resource: `add-on-attachment` → `AddOnAttachment`. */
export function typeName(resource: string): string {
  return pascalCase(resource);
}

/** A TypeScript type expression for a schema, indented for nesting at `indent`. */
export function typeOf(ctx: TypeContext, schema: JsonSchema, indent = ''): string {
  const root = schema.$ref === undefined ? null : ROOT_REF.exec(schema.$ref);
  if (root !== null && root[1] !== undefined) {
    ctx.imports.add(root[1]);
    return typeName(root[1]);
  }
  if (schema.$ref !== undefined) {
    return typeOf(ctx, resolvePointer(ctx.document, schema.$ref), indent);
  }
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined) {
    const parts = [...new Set(choices.map((choice) => typeOf(ctx, choice, indent)))];
    return withNull(parts.join(' | '), typesOf(schema).includes('null'));
  }
  return withNull(baseType(ctx, schema, indent), typesOf(schema).includes('null'));
}

function baseType(ctx: TypeContext, schema: JsonSchema, indent: string): string {
  if (schema.enum !== undefined) {
    const values = schema.enum.filter((value) => value !== null);
    if (values.length > 0) return values.map((value) => JSON.stringify(value)).join(' | ');
  }
  const types = typesOf(schema).filter((type) => type !== 'null');
  if (types.length === 0 && schema.properties !== undefined) types.push('object');
  if (types.length === 0) return 'unknown';
  return types.map((type) => scalar(ctx, schema, type, indent)).join(' | ');
}

function scalar(ctx: TypeContext, schema: JsonSchema, type: string, indent: string): string {
  switch (type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return schema.items === undefined ? 'unknown[]' : arrayOf(typeOf(ctx, schema.items, indent));
    case 'object':
      return objectType(ctx, schema, indent);
    default:
      return 'unknown';
  }
}

function arrayOf(item: string): string {
  return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
}

function withNull(type: string, nullable: boolean): string {
  return nullable && !type.split(' | ').includes('null') ? `${type} | null` : type;
}

/** An object literal type with one member per property, JSDoc from descriptions. */
export function objectType(ctx: TypeContext, schema: JsonSchema, indent: string): string {
  const properties = Object.entries(schema.properties ?? {});
  const extra = extraMembers(ctx, schema, indent);
  if (properties.length === 0) return extra ?? 'Record<string, unknown>';

  const required = new Set(schema.required ?? []);
  const inner = `${indent}  `;
  const members = properties.map(([name, property]) => {
    const resolved = deref(ctx.document, property);
    const doc = docComment(resolved.description, inner);
    const key = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
    const optional = ctx.response === true || required.has(name) ? '' : '?';
    return `${doc}${inner}${key}${optional}: ${typeOf(ctx, property, inner)};`;
  });
  if (extra !== undefined) members.push(`${inner}[key: string]: unknown;`);
  return `{\n${members.join('\n')}\n${indent}}`;
}

function extraMembers(ctx: TypeContext, schema: JsonSchema, indent: string): string | undefined {
  const patterns = Object.values(schema.patternProperties ?? {});
  if (patterns.length > 0) {
    const values = [...new Set(patterns.map((p) => typeOf(ctx, p, indent)))].join(' | ');
    return `Record<string, ${values}>`;
  }
  const additional = schema.additionalProperties;
  if (typeof additional === 'object') return `Record<string, ${typeOf(ctx, additional, indent)}>`;
  return undefined;
}

/** A JSDoc block wrapped to the line width; empty when there is no text. */
export function docComment(text: string | undefined, indent: string, extra: string[] = []): string {
  const lines = [...wrap(text ?? '', 96 - indent.length), ...extra];
  if (lines.length === 0) return '';
  const body = lines.map((line) => `${indent} *${line === '' ? '' : ` ${line}`}`).join('\n');
  return `${indent}/**\n${body}\n${indent} */\n`;
}

/** Wraps prose to `width` columns, keeping blank-line paragraph breaks. */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  const clean = text.replace(/\*\//g, '*\\/').trim();
  for (const paragraph of clean.split(/\n\s*\n/)) {
    if (out.length > 0) out.push('');
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line !== '' && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else {
        line = line === '' ? word : `${line} ${word}`;
      }
    }
    if (line !== '') out.push(line);
  }
  return out;
}
