/**
 * Decodes href placeholders such as `{(%23%2Fdefinitions%2Fapp%2Fdefinitions%2Fidentity)}`
 * into named path slots that know which identity keys they accept.
 */
import { camelCase, snakeCase } from './naming.js';
import { deref, resolvePointer, type SchemaDocument } from './schema.js';

const PLACEHOLDER = /\{\(([^)]*)\)\}/g;

/** One decoded placeholder. */
export interface Slot {
  readonly name: string;
  readonly resource: string;
  readonly keys: readonly string[];
  readonly pointer: string;
}

/** A link href split into its segments, each literal or a slot. */
export type Segment = { kind: 'literal'; text: string } | { kind: 'slot'; slot: Slot };

/** Decodes one href into segments; `~` becomes a slot that accepts only `self`. */
export function decodeHref(document: SchemaDocument, href: string): Segment[] {
  const used = new Map<string, number>();
  const segments: Segment[] = [];

  for (const part of href.split('/').slice(1)) {
    PLACEHOLDER.lastIndex = 0;
    const match = PLACEHOLDER.exec(part);
    if (match === null && part !== '~') {
      segments.push({ kind: 'literal', text: part });
      continue;
    }
    const base =
      match === null ? selfSlot() : slotFor(document, decodeURIComponent(match[1] ?? ''));
    const seen = used.get(base.name) ?? 0;
    used.set(base.name, seen + 1);
    // The same placeholder can appear twice in one href (identity-provider
    // certificates); the docs and the chain need distinct names.
    const slot = seen === 0 ? base : { ...base, name: `${base.name}_${seen + 1}` };
    segments.push({ kind: 'slot', slot });
  }
  return segments;
}

function selfSlot(): Slot {
  return { name: 'account_self', resource: 'account', keys: ['self'], pointer: '~' };
}

function slotFor(document: SchemaDocument, pointer: string): Slot {
  const match = /^#\/definitions\/([^/]+)\/definitions\/([^/]+)$/.exec(pointer);
  if (match === null) throw new Error(`unexpected href placeholder ${pointer}`);
  const resource = match[1] ?? '';
  const definition = match[2] ?? '';
  const keys = definition === 'identity' ? identityKeys(document, pointer) : [definition];
  return { name: `${snakeCase(resource)}_${keys.join('_or_')}`, resource, keys, pointer };
}

function identityKeys(document: SchemaDocument, pointer: string): string[] {
  const identity = resolvePointer(document, pointer);
  const options = identity.anyOf ?? identity.oneOf ?? [identity];
  const keys = options.map((option) => {
    if (option.$ref === undefined) return 'id';
    const key = option.$ref.split('/').pop() ?? 'id';
    // `self` is spelled `~` on the wire; keep the key's own name.
    deref(document, option);
    return key;
  });
  return [...new Set(keys)];
}

/** The method name of a literal segment: `config-vars` → `configVars`. */
export function stepName(segment: string): string {
  return camelCase(segment);
}
