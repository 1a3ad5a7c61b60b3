#!/usr/bin/env node
/**
 * `npm run generate`: reads the schema (a file, or a live API's /schema) and
 * writes the generated modules and docs, replacing what the generator owns.
 *
 *   --schema FILE        schema to read (default ../shared/heroku/platform-api.schema.json)
 *   --v3 FILE            plain version=3 schema to mark 3.sdk-only links (default beside it)
 *   --url URL            read the live schema from URL/schema instead
 *   --variant NAME       the variant to ask the live API for (default 3.sdk)
 *   --out DIR            repository root to write into (default this repository)
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate, OUTPUT_DIRS } from './generate.js';
import { fetchSchema, type LoadedSchema, readSchemaFile } from './schema.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../../../..');
const shared = resolve(root, '../shared/heroku');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      schema: { type: 'string' },
      v3: { type: 'string' },
      url: { type: 'string' },
      variant: { type: 'string', default: '3.sdk' },
      out: { type: 'string', default: root },
    },
    strict: true,
  });

  const schema = values.url
    ? await fetchSchema(values.url, values.variant ?? '3.sdk')
    : await readSchemaFile(values.schema ?? join(shared, 'platform-api.schema.json'));
  const v3 = await readV3(values.url, values.v3);
  const { files, manifest } = generate(schema, v3);

  const out = values.out ?? root;
  for (const dir of Object.values(OUTPUT_DIRS))
    await rm(join(out, dir), { recursive: true, force: true });
  for (const [path, text] of files) {
    await mkdir(dirname(join(out, path)), { recursive: true });
    await writeFile(join(out, path), text);
  }
  const { links, resources, sdkOnlyLinks } = manifest.counts;
  console.log(
    `generated ${files.size} files: ${links} links over ${resources} resources ` +
      `(${sdkOnlyLinks} only under 3.sdk) from ${schema.name} sha256 ${schema.sha256}`,
  );
}

async function readV3(
  url: string | undefined,
  file: string | undefined,
): Promise<LoadedSchema | null> {
  if (url !== undefined) return fetchSchema(url, '3');
  const path = file ?? join(shared, 'platform-api.v3.schema.json');
  if (file === undefined && !existsSync(path)) return null;
  return readSchemaFile(path);
}

main().catch((error: unknown) => {
  console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
