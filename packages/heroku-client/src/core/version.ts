/**
 * The package version for the User-Agent header, read from package.json once,
 * when the first client is built rather than at import.
 */
import { readFileSync } from 'node:fs';

let version: string | undefined;

function readVersion(url: URL): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(url, 'utf8')) as { name?: unknown; version?: unknown };
    return parsed.name === 'heroku-client' && typeof parsed.version === 'string'
      ? parsed.version
      : undefined;
  } catch {
    return undefined;
  }
}

/** The version of this package, or `unknown` when package.json cannot be read. */
export function packageVersion(): string {
  if (version === undefined) {
    version = 'unknown';
    // The build output sits a varying depth below the package root, so look upwards.
    for (const up of ['../../', '../../../', '../../../../']) {
      const found = readVersion(new URL(`${up}package.json`, import.meta.url));
      if (found !== undefined) {
        version = found;
        break;
      }
    }
  }
  return version;
}

/** The default User-Agent: client and Node versions, after the caller's own product. */
export function userAgent(product: string | undefined): string {
  const own = `heroku-client/${packageVersion()} node/${process.version}`;
  return product === undefined || product === '' ? own : `${product} ${own}`;
}
