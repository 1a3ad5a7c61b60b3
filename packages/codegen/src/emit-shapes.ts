/**
 * JSON schema → the emulator's `Shape` data: every `$ref` resolved, only what
 * serialising and checking a value needs.
 */
import { type JsonSchema, resolvePointer, type SchemaDocument, typesOf } from './schema.js';

/** Mirrors `Shape` in packages/heroku-emulator/src/schema/shape.ts. */
export type ShapeData = Record<string, unknown>;

/** The shape of a schema; `seen` breaks reference cycles. */
export function shapeOf(
  document: SchemaDocument,
  schema: JsonSchema,
  seen: readonly string[] = [],
): ShapeData {
  if (schema.$ref !== undefined) {
    if (seen.includes(schema.$ref)) return { t: 'any' };
    return shapeOf(document, resolvePointer(document, schema.$ref), [...seen, schema.$ref]);
  }
  const types = typesOf(schema);
  const nullable = types.includes('null') ? { nullable: true } : {};
  const example = schema.example === undefined ? {} : { example: schema.example };
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined) {
    return { t: 'union', ...nullable, of: choices.map((c) => shapeOf(document, c, seen)) };
  }

  const main = types.filter((type) => type !== 'null');
  if (main.includes('object') || (main.length === 0 && schema.properties !== undefined)) {
    return { t: 'object', ...nullable, ...objectParts(document, schema, seen) };
  }
  if (main.includes('array')) {
    const items = schema.items === undefined ? { t: 'any' } : shapeOf(document, schema.items, seen);
    return { t: 'array', ...nullable, items };
  }
  const t = main.length === 1 ? main[0] : 'any';
  return {
    t,
    ...nullable,
    ...example,
    ...(schema.format === undefined ? {} : { format: schema.format }),
    ...(schema.enum === undefined ? {} : { enum: schema.enum }),
    ...(schema.pattern === undefined ? {} : { pattern: schema.pattern }),
  };
}

function objectParts(document: SchemaDocument, schema: JsonSchema, seen: readonly string[]) {
  const props: Record<string, ShapeData> = {};
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    props[name] = shapeOf(document, property, seen);
  }
  const patterns = Object.values(schema.patternProperties ?? {});
  const additional =
    patterns[0] !== undefined
      ? shapeOf(document, patterns[0], seen)
      : typeof schema.additionalProperties === 'object'
        ? shapeOf(document, schema.additionalProperties, seen)
        : schema.additionalProperties;
  return {
    props,
    ...(schema.required === undefined ? {} : { required: schema.required }),
    ...(additional === undefined ? {} : { additional }),
  };
}
