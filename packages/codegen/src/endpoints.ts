/** The set of `METHOD /path/{}` keys a schema defines, to tell 3.sdk-only links apart. */
import { endpointKey } from './model.js';
import type { SchemaDocument } from './schema.js';
import { decodeHref } from './slots.js';

export function endpointsOf(document: SchemaDocument): Set<string> {
  const keys = new Set<string>();
  for (const definition of Object.values(document.definitions)) {
    for (const link of definition.links ?? []) {
      keys.add(endpointKey(link.method.toUpperCase(), decodeHref(document, link.href)));
    }
  }
  return keys;
}
