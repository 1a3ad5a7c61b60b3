/**
 * Certificate authorities named by SSL_CERT_FILE and SSL_CERT_DIR, as
 * heroku-client 3 honoured them, and the ones Node trusts by default. The extra
 * ones are added to Node's, never used instead of them. Read once, on the first
 * connection that needs them.
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

type Tls = typeof import('node:tls');

/**
 * Every authority Node trusts by default, to list before the extra ones: giving
 * a connection `ca` replaces Node's trust instead of adding to it. Node 20 has no
 * `tls.getCACertificates()`, and its `tls.rootCertificates` is the bundled list
 * alone, so the NODE_EXTRA_CA_CERTS file Node loaded at start-up is read again.
 */
export function defaultCertificates(tls: Tls): string[] {
  const all = (tls as Tls & { getCACertificates?: (type: 'default') => string[] })
    .getCACertificates;
  if (typeof all === 'function') return all('default');
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  return [...tls.rootCertificates, ...(extra ? certificatesIn(extra) : [])];
}
