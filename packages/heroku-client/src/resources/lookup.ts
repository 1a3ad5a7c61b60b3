/**
 * Finds the link a concrete path belongs to, so that generic calls such as
 * `heroku.get('/apps')` know whether they are lists. Literal segments win over
 * path values, as in the API's own router (`/teams/apps/x` is a team app, not
 * the `x` feature of a team named `apps`).
 */
import { routes } from '../generated/route-table.js';
import type { LinkSpec } from './link-spec.js';

interface Node {
  readonly literals: Map<string, Node>;
  param: Node | undefined;
  readonly links: Map<string, LinkSpec>;
}

let roots: Node | undefined;

function node(): Node {
  return { literals: new Map(), param: undefined, links: new Map() };
}

function build(): Node {
  const root = node();
  for (const link of routes) {
    let at = root;
    for (const segment of link.href.split('/').slice(1)) {
      if (segment.startsWith('{')) {
        at.param ??= node();
        at = at.param;
      } else {
        const next = at.literals.get(segment) ?? node();
        at.literals.set(segment, next);
        at = next;
      }
    }
    // Where two links share a method and href, the first in the table answers.
    if (!at.links.has(link.method)) at.links.set(link.method, link);
  }
  return root;
}

function match(
  at: Node,
  segments: readonly string[],
  i: number,
  method: string,
): LinkSpec | undefined {
  if (i === segments.length) return at.links.get(method);
  const segment = segments[i] ?? '';
  const literal = at.literals.get(segment);
  const viaLiteral = literal === undefined ? undefined : match(literal, segments, i + 1, method);
  if (viaLiteral !== undefined || at.param === undefined || segment === '') return viaLiteral;
  return match(at.param, segments, i + 1, method);
}

/** The link of `method` and `path` (no query string), or undefined when none matches. */
export function lookupLink(method: string, path: string): LinkSpec | undefined {
  roots ??= build();
  const segments = path.split('/').slice(1).map(safeDecode);
  return match(roots, segments, 0, method.toUpperCase());
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
