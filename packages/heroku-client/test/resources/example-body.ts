/**
 * Builds a body that satisfies a link's schema from the schema's own examples,
 * reading the shared schema file the generator read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '../../src/index.js';

type Schema = Record<string, unknown>;

const schemaFile = join(
  import.meta.dirname,
  '../../../../../../shared/heroku/platform-api.schema.json',
);
let document: { definitions: Record<string, Schema & { links?: Schema[] }> } | undefined;

function load() {
  document ??= JSON.parse(readFileSync(schemaFile, 'utf8'));
  return document as NonNullable<typeof document>;
}

function resolve(schema: Schema): Schema {
  let current = schema;
  while (typeof current.$ref === 'string') {
    const parts = current.$ref.slice(2).split('/');
    current = parts.reduce<Schema>((node, key) => node[key] as Schema, load() as unknown as Schema);
  }
  return current;
}

function sampleOf(raw: Schema, depth = 0): unknown {
  const schema = resolve(raw);
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices?.[0] !== undefined) return sampleOf(choices[0], depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => v !== null);
  const types = ([] as unknown[]).concat(schema.type ?? []);
  if (types.includes('object') || schema.properties !== undefined) {
    const out: Record<string, unknown> = {};
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) {
      if (properties[name] !== undefined && depth < 6)
        out[name] = sampleOf(properties[name], depth + 1);
    }
    return out;
  }
  if (types.includes('array')) return [];
  if (types.includes('integer') || types.includes('number')) return 1;
  if (types.includes('boolean')) return true;
  if (types.includes('null') && !types.includes('string')) return null;
  return 'example';
}

/** A body for the link `linkId` built from examples; undefined when it takes none. */
export function exampleBody(linkId: string): unknown {
  const link = routes.find((l) => l.id === linkId);
  if (link === undefined || !link.hasBody) return undefined;
  const raw = load().definitions[link.resource]?.links?.find(
    (l) => String(l.method).toUpperCase() === link.method && l.title === link.title,
  );
  const schema = raw?.schema as Schema | undefined;
  return schema === undefined ? undefined : sampleOf(schema);
}
