/**
 * Certificate authorities named by SSL_CERT_FILE and SSL_CERT_DIR, as
 * heroku-client 3 honoured them. They are added to Node's roots, never used
 * instead of them. Read once, when the client is built.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Environment } from './proxy.js';

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function certificatesIn(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').match(PEM) ?? [];
  } catch {
    // A missing or unreadable file adds nothing, as with OpenSSL's own lookup.
    return [];
  }
}

function filesIn(dir: string): string[] {
  try {
    return readdirSync(dir).map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** PEM certificates from SSL_CERT_FILE and every file of SSL_CERT_DIR (`:`-separated). */
export function certificatesFromEnv(env: Environment): string[] {
  const found: string[] = [];
  if (env.SSL_CERT_FILE) found.push(...certificatesIn(env.SSL_CERT_FILE));
  for (const dir of (env.SSL_CERT_DIR ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const file of filesIn(dir)) found.push(...certificatesIn(file));
  }
  return found;
}
