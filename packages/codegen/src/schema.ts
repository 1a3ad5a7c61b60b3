/**
 * The JSON hyper-schema as Heroku serves it, and the few operations the
 * generator needs on it: loading, hashing and following `$ref` pointers.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** A JSON schema node; only the keywords the generator reads are named. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  description?: string;
  example?: unknown;
  format?: string;
  enum?: unknown[];
  pattern?: string;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  readOnly?: boolean;
  definitions?: Record<string, JsonSchema>;
  links?: RawLink[];
  title?: string;
  stability?: string;
}

/** A link as the schema spells it, before any normalisation. */
export interface RawLink {
  title?: string;
  description?: string;
  href: string;
  method: string;
  rel?: unknown;
  schema?: JsonSchema;
  targetSchema?: JsonSchema;
  ranges?: string[];
}

/** A whole schema document with its definitions by resource name. */
export interface SchemaDocument extends JsonSchema {
  definitions: Record<string, JsonSchema>;
}

/** The schema's text and parsed document, with the text's sha256. */
export interface LoadedSchema {
  readonly name: string;
  readonly sha256: string;
  readonly document: SchemaDocument;
}

/** Parses schema text; throws a clear error when it is not a hyper-schema. */
export function parseSchema(name: string, text: string): LoadedSchema {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(document) || !isObject(document.definitions)) {
    throw new Error(`${name} has no "definitions": it is not a Heroku hyper-schema`);
  }
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { name, sha256, document: document as unknown as SchemaDocument };
}

/** Reads a schema from a file. */
export async function readSchemaFile(path: string): Promise<LoadedSchema> {
  const text = await readFile(path, 'utf8');
  return parseSchema(path.split('/').pop() ?? path, text);
}

/** Reads the live schema from an API's `/schema`, asking for the given variant. */
export async function fetchSchema(baseUrl: string, variant: string): Promise<LoadedSchema> {
  const url = new URL('/schema', baseUrl);
  const response = await fetch(url, {
    headers: { Accept: `application/vnd.heroku+json; version=${variant}` },
  });
  if (!response.ok) {
    throw new Error(`GET ${url.href} answered ${response.status} ${response.statusText}`);
  }
  return parseSchema(`${url.host}/schema (version=${variant})`, await response.text());
}

/** Follows a local JSON pointer such as `#/definitions/app/definitions/name`. */
export function resolvePointer(document: SchemaDocument, pointer: string): JsonSchema {
  if (!pointer.startsWith('#/')) throw new Error(`unsupported $ref ${pointer}`);
  let node: unknown = document;
  for (const raw of pointer.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(node) || !(key in node)) throw new Error(`unresolvable $ref ${pointer}`);
    node = node[key];
  }
  if (!isObject(node)) throw new Error(`$ref ${pointer} does not point at a schema`);
  return node as JsonSchema;
}

/** Follows `$ref` chains until a schema without one is reached. */
export function deref(document: SchemaDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref !== undefined; hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    current = resolvePointer(document, current.$ref);
  }
  return current;
}

/**
 * The list of JSON types a schema allows (`type` may be a string or an array).
 * A schema without `type` that gives `items` is an array: five link targets of
 * Heroku's schema (test runs, test cases, app dyno sizes, ...) are written so.
 */
export function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return schema.items === undefined ? [] : ['array'];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
