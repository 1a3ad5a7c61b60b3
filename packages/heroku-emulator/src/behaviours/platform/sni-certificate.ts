/**
 * Reads an uploaded certificate chain and private key the way Heroku's SSL
 * checks do: the chain's first certificate is the one served, the key must be
 * its key, and the facts Heroku reports (`ssl_cert`) come from that certificate.
 */
import { createPrivateKey, type KeyObject, randomUUID, X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { invalidParams } from '../../http/errors.js';
import type { JsonObject } from '../../store/store.js';

/** One PEM certificate block. */
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Checks `chainPem` and `keyPem` and returns the `ssl_cert` object Heroku
 * reports for them. A chain or key that does not parse, or a key that is not
 * the first certificate's, is a 422.
 */
export function readCertificate(chainPem: string, keyPem: string): JsonObject {
  const chain = parseChain(chainPem);
  const leaf = chain[0];
  if (leaf === undefined) {
    throw invalidParams('certificate_chain must hold at least one PEM certificate.');
  }
  const key = parseKey(keyPem);
  if (!keyMatches(leaf, key)) {
    throw invalidParams('private_key does not match the first certificate of certificate_chain.');
  }
  const selfSigned = leaf.subject === leaf.issuer && leaf.verify(leaf.publicKey);
  return {
    'ca_signed?': !selfSigned && trusted(leaf, chain.slice(1)),
    cert_domains: certDomains(leaf),
    expires_at: isoSeconds(leaf.validTo),
    id: randomUUID(),
    issuer: slashName(leaf.issuer),
    'self_signed?': selfSigned,
    starts_at: isoSeconds(leaf.validFrom),
    subject: slashName(leaf.subject),
  };
}

/** True when `hostname` is one of `certDomains`, a wildcard covering one label. */
export function covers(certDomains: readonly string[], hostname: string): boolean {
  const host = hostname.toLowerCase();
  return certDomains.some((entry) => {
    const name = entry.toLowerCase();
    if (!name.startsWith('*.')) return name === host;
    const dot = host.indexOf('.');
    return dot > 0 && host.slice(dot + 1) === name.slice(2);
  });
}

function parseChain(pem: string): X509Certificate[] {
  const blocks = pem.match(PEM_CERTIFICATE) ?? [];
  return blocks.map((block, index) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw invalidParams(
        `certificate_chain: certificate ${index + 1} is not a valid PEM certificate.`,
      );
    }
  });
}

function parseKey(pem: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw invalidParams(
      'private_key is not a valid unencrypted PEM private key (a key with a passphrase is not accepted).',
    );
  }
}

function keyMatches(certificate: X509Certificate, key: KeyObject): boolean {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    // Keys of a different algorithm than the certificate's make OpenSSL throw: no match.
    return false;
  }
}

/** The certificate's DNS subject alternative names, with its common name first. */
function certDomains(certificate: X509Certificate): string[] {
  const names: string[] = [];
  const commonName = nameParts(certificate.subject).find((part) => part.startsWith('CN='));
  if (commonName !== undefined) names.push(commonName.slice(3));
  for (const entry of (certificate.subjectAltName ?? '').split(', ')) {
    if (!entry.startsWith('DNS:')) continue;
    const raw = entry.slice(4);
    // Node quotes names holding unusual characters as JSON strings.
    const name = raw.startsWith('"') ? String(JSON.parse(raw)) : raw;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/** Node prints a distinguished name one part per line; Heroku as `/C=US/CN=x`. */
function slashName(name: string): string {
  return nameParts(name)
    .map((part) => `/${part}`)
    .join('');
}

function nameParts(name: string): string[] {
  return name.split('\n').filter((part) => part !== '');
}

/** A certificate date as Heroku prints it (`2013-08-01T21:34:23Z`). */
function isoSeconds(date: string): string {
  return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

let roots: readonly X509Certificate[] | undefined;

/** Node's bundled root certificates, parsed once. */
function rootStore(): readonly X509Certificate[] {
  roots ??= rootCertificates.map((pem) => new X509Certificate(pem));
  return roots;
}

/**
 * True when `leaf` leads, through the intermediates given with it, to a
 * certificate signed by a root that Node trusts: what Heroku calls `ca_signed?`.
 */
function trusted(leaf: X509Certificate, intermediates: readonly X509Certificate[]): boolean {
  let current = leaf;
  const unused = [...intermediates];
  for (;;) {
    const signedBy = (issuer: X509Certificate) =>
      current.checkIssued(issuer) && current.verify(issuer.publicKey);
    if (rootStore().some(signedBy)) return true;
    const next = unused.findIndex(signedBy);
    const parent = unused[next];
    if (parent === undefined) return false;
    unused.splice(next, 1);
    current = parent;
  }
}
