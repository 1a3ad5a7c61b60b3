/**
 * `GET /schema`: the hyper-schema the emulator's route table was generated
 * from. It is not shipped with the package; it is read at run time from the
 * configured path, and without one the endpoint answers 404 `not_found`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The schema next to the repository (`../shared/heroku/…` from its root), if any. */
export function defaultSchemaPath(): string {
  const fromEnv = process.env.HEROKU_EMULATOR_SCHEMA;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  // This file compiles to <repo>/packages/heroku-emulator/dist/src/http/.
  const repoRoot = new URL('../../../../../', import.meta.url);
  return fileURLToPath(new URL('../shared/heroku/platform-api.schema.json', repoRoot));
}

/** Reads the schema text once; `undefined` when the file is absent or unreadable. */
export function loadSchemaText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
