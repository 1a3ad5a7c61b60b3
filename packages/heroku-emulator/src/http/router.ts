/**
 * Matches a concrete path against every link of the route table. Literal
 * segments win over placeholders (the `/teams/apps/...` vs `/teams/{team}/...`
 * overlaps), with backtracking so that a literal that leads nowhere still lets a
 * placeholder match. A few method + href pairs carry several links (release
 * create and rollback share `POST /apps/{app}/releases`): all are returned and the
 * pipeline picks one by body.
 */
import type { RouteLink } from '../link.js';

/** The links found for a request and the path values by slot name. */
export interface RouteMatch {
  readonly links: readonly RouteLink[];
  readonly params: Readonly<Record<string, string>>;
}

interface Node {
  readonly literals: Map<string, Node>;
  param?: Node;
  /** Links ending here, by method, with their placeholder names in path order. */
  readonly ends: Map<string, { links: RouteLink[]; names: string[] }>;
}

function node(): Node {
  return { literals: new Map(), ends: new Map() };
}

/** A compiled route table. */
export class Router {
  private readonly root = node();

  constructor(routes: readonly RouteLink[]) {
    for (const link of routes) this.add(link);
  }

  /** Finds the links for `method` and `path` (already stripped of its query). */
  match(method: string, path: string): RouteMatch | undefined {
    const segments = splitPath(path);
    if (segments === undefined) return undefined;
    const values: string[] = [];
    const end = this.walk(this.root, segments, 0, values, method.toUpperCase());
    if (end === undefined) return undefined;

    const params: Record<string, string> = {};
    end.names.forEach((name, index) => {
      params[name] = end.values[index] ?? '';
    });
    return { links: end.links, params };
  }

  /** True when some method is routed at `path` (distinguishes 404 from wrong verb). */
  knows(path: string): boolean {
    return ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].some((m) => this.match(m, path));
  }

  private add(link: RouteLink): void {
    let current = this.root;
    const names: string[] = [];
    for (const segment of link.href.split('/').filter((s) => s !== '')) {
      const placeholder = /^\{(.+)\}$/.exec(segment);
      if (placeholder !== null) {
        names.push(placeholder[1] ?? '');
        current.param ??= node();
        current = current.param;
      } else {
        let next = current.literals.get(segment);
        if (next === undefined) {
          next = node();
          current.literals.set(segment, next);
        }
        current = next;
      }
    }
    const method = link.method.toUpperCase();
    const end = current.ends.get(method) ?? { links: [], names };
    end.links.push(link);
    current.ends.set(method, end);
  }

  private walk(
    current: Node,
    segments: readonly string[],
    index: number,
    values: string[],
    method: string,
  ): { links: RouteLink[]; names: string[]; values: string[] } | undefined {
    if (index === segments.length) {
      const end = current.ends.get(method);
      return end === undefined ? undefined : { ...end, values: [...values] };
    }
    const segment = segments[index] ?? '';

    const literal = current.literals.get(segment);
    if (literal !== undefined) {
      const found = this.walk(literal, segments, index + 1, values, method);
      if (found !== undefined) return found;
    }
    if (current.param === undefined) return undefined;

    values.push(segment);
    const found = this.walk(current.param, segments, index + 1, values, method);
    values.pop();
    return found;
  }
}

/** Splits and percent-decodes a path; `undefined` when the encoding is broken. */
function splitPath(path: string): string[] | undefined {
  try {
    return path
      .split('/')
      .filter((s) => s !== '')
      .map((s) => (s.includes('%') ? decodeURIComponent(s) : s));
  } catch {
    return undefined;
  }
}
