/**
 * Reads regular files out of a gzipped tarball (ustar, with the GNU long-name
 * and PAX path extensions that `git archive` and GitHub tarballs use). Only
 * what the build needs: names and contents, no permissions or links.
 */
import { gunzipSync } from 'node:zlib';

/** One regular file of the archive. */
export interface TarFile {
  /** Path inside the archive, without a leading `./`. */
  readonly path: string;
  readonly content: Buffer;
}

const BLOCK = 512;

/** The regular files of a `.tar.gz`; throws when the bytes are not one. */
export function readTarGz(bytes: Buffer): TarFile[] {
  return readTar(gunzipSync(bytes));
}

/** The regular files of an uncompressed tar archive. */
export function readTar(tar: Buffer): TarFile[] {
  const files: TarFile[] = [];
  let offset = 0;
  let longName: string | undefined;

  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if (!checksumMatches(header)) throw new Error('not a tar archive (bad header checksum)');

    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const content = tar.subarray(offset + BLOCK, offset + BLOCK + size);
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;

    if (type === 'L') {
      longName = text(content);
    } else if (type === 'x') {
      longName = paxPath(content.toString('utf8')) ?? longName;
    } else {
      const path = longName ?? headerPath(header);
      longName = undefined;
      if (type === '0' || type === '\0') files.push({ path: clean(path), content });
    }
  }
  return files;
}

function headerPath(header: Buffer): string {
  const name = text(header.subarray(0, 100));
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar';
  const prefix = ustar ? text(header.subarray(345, 500)) : '';
  return prefix === '' ? name : `${prefix}/${name}`;
}

function paxPath(records: string): string | undefined {
  for (const line of records.split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match !== null) return match[1];
  }
  return undefined;
}

function checksumMatches(header: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] ?? 0);
  return sum === octal(header.subarray(148, 156));
}

function octal(field: Buffer): number {
  const digits = text(field).trim();
  return digits === '' ? 0 : Number.parseInt(digits, 8);
}

function text(field: Buffer): string {
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function clean(path: string): string {
  return path.replace(/^(\.\/)+/, '');
}
