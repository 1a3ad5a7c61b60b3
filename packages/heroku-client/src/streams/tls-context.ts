import type { SecureContext } from 'node:tls';
import { caList, type StreamConnectionOptions } from './api.js';

const contexts = new Map<string, SecureContext>();
/** Few distinct CA sets exist in one process; the cap only guards against misuse. */
const MAX_CONTEXTS = 16;

/**
 * A TLS context trusting Node's roots plus the extra CAs, or `undefined` for none. Passing
 * `ca` replaces Node's roots, so the extra ones are appended to them; building that context
 * parses every root, so it is built once per CA set and reused.
 */
export async function secureContextFor(
  ca: StreamConnectionOptions['ca'],
): Promise<SecureContext | undefined> {
  const extra = caList(ca);
  if (extra.length === 0) return undefined;
  const key = extra.map((entry) => entry.toString()).join('\n');
  const known = contexts.get(key);
  if (known) return known;

  const tls = await import('node:tls');
  const context = tls.createSecureContext({ ca: [...tls.rootCertificates, ...extra] });
  if (contexts.size >= MAX_CONTEXTS) contexts.clear();
  contexts.set(key, context);
  return context;
}
