/**
 * Process types of a source tree: the `Procfile` at its root (or under the one
 * top directory a GitHub tarball wraps everything in). Without a Procfile the
 * emulator assumes a Node.js-style `web: npm start`, as its stand-in for what
 * a buildpack would declare.
 */
import type { TarFile } from './tar.js';

/** Process types assumed when the source declares none. */
export const DEFAULT_PROCESS_TYPES: Readonly<Record<string, string>> = { web: 'npm start' };

/** The process types a Procfile declares (`type: command` lines). */
export function parseProcfile(text: string): Record<string, string> {
  const types: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^([-\w]{1,128}):\s*(.+?)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) types[match[1]] = match[2];
  }
  return types;
}

/** The root file called `name`, looking through a single wrapping directory too. */
export function rootFile(files: readonly TarFile[], name: string): TarFile | undefined {
  const direct = files.find((f) => f.path === name);
  if (direct !== undefined) return direct;
  const tops = new Set(files.map((f) => f.path.split('/')[0]));
  if (tops.size !== 1) return undefined;
  return files.find((f) => f.path === `${[...tops][0]}/${name}`);
}
