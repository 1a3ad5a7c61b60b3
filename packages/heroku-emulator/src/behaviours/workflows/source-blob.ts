/**
 * Reads a build's source: a `file://` path or an http URL on loopback is
 * fetched, its `SHA256:<hex>` checksum checked when one is given, and its
 * process types read from the Procfile in the tarball. Any other URL is not
 * fetched (the emulator stays offline) and the default process types apply.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PROCESS_TYPES, parseProcfile, rootFile } from './procfile.js';
import { readTarGz } from './tar.js';

/** What reading the source found out. */
export type SourceOutcome =
  | {
      readonly ok: true;
      readonly processTypes: Record<string, string>;
      /** Bytes of the tarball, when it was read. */
      readonly size: number | null;
      readonly checksum: string | null;
      readonly lines: readonly string[];
    }
  | { readonly ok: false; readonly lines: readonly string[] };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Fetches and inspects the source at `url`; never throws. */
export async function readSource(url: string, checksum: string | null): Promise<SourceOutcome> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failed(`Invalid source URL: ${url}`);
  }
  const local =
    parsed.protocol === 'file:' ||
    (/^https?:$/.test(parsed.protocol) && LOOPBACK.has(parsed.hostname));
  if (!local) {
    const types = Object.entries(DEFAULT_PROCESS_TYPES).map(([t, c]) => `${t}: ${c}`);
    return {
      ok: true,
      processTypes: { ...DEFAULT_PROCESS_TYPES },
      size: null,
      checksum,
      lines: [`-----> Source is not local; not fetched. Assuming ${types.join(', ')}`],
    };
  }

  let bytes: Buffer;
  try {
    bytes = await download(parsed);
  } catch (error) {
    return failed(
      `Could not fetch the source: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const digest = `SHA256:${createHash('sha256').update(bytes).digest('hex')}`;
  if (checksum !== null && checksum.toLowerCase() !== digest.toLowerCase()) {
    return failed(`Checksum mismatch: expected ${checksum}, got ${digest}`);
  }
  return inspect(bytes, digest);
}

function inspect(bytes: Buffer, digest: string): SourceOutcome {
  let files: ReturnType<typeof readTarGz>;
  try {
    files = readTarGz(bytes);
  } catch {
    return failed('The source is not a gzipped tarball.');
  }
  const procfile = rootFile(files, 'Procfile');
  const declared = procfile === undefined ? {} : parseProcfile(procfile.content.toString('utf8'));
  const found = Object.keys(declared).length > 0;
  const processTypes = found ? declared : { ...DEFAULT_PROCESS_TYPES };
  return {
    ok: true,
    processTypes,
    size: bytes.length,
    checksum: digest,
    lines: [
      `-----> Fetched source (${bytes.length} bytes, ${files.length} files)`,
      found
        ? '-----> Reading Procfile'
        : '-----> No Procfile found; using the default process types',
    ],
  };
}

async function download(url: URL): Promise<Buffer> {
  if (url.protocol === 'file:') return readFile(fileURLToPath(url));
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

function failed(reason: string): SourceOutcome {
  return { ok: false, lines: [`-----> ${reason}`] };
}
