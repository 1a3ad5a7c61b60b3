/**
 * A handler that serves a sorted list the way the Heroku API pages it: a Range
 * of `<field> [\]<start>]..; max=<n>`, 206 with Next-Range while more remains,
 * 200 without Next-Range on the last page.
 */
import type { ServerResponse } from 'node:http';
import type { ListLink } from '../../src/index.js';
import { json, type Received } from './api-server.js';

/** `count` items with ids `item-00000`, `item-00001`, ... in order. */
export function makeItems(count: number): { id: string }[] {
  return Array.from({ length: count }, (_, i) => ({ id: `item-${String(i).padStart(5, '0')}` }));
}

/** Answers a list request from `items`, with pages of at most `max` (default 200). */
export function serveList(items: readonly { id: string }[], req: Received, res: ServerResponse) {
  const range = String(req.headers.range ?? 'id ..');
  const match = /^(\w+) (\]?)([^.]*)\.\.(?:; *max=(\d+))?/.exec(range);
  if (match === null) return json(res, 400, { id: 'bad_request', message: 'Invalid Range' });
  const [, field, exclusive, start, max] = match;
  const size = Number(max ?? 200);
  let from = 0;
  if (start) {
    const at = items.findIndex((item) => item.id === start);
    from = exclusive ? at + 1 : at;
  }
  const page = items.slice(from, from + size);
  const last = page.at(-1);
  if (from + size < items.length && last !== undefined) {
    json(res, 206, page, { 'next-range': `${field} ]${last.id}..; max=${size}` });
  } else {
    json(res, 200, page);
  }
}

/** A list link as the route table describes one. */
export function listLink(href: string, ranges: readonly string[] = ['id', 'name']): ListLink {
  return {
    resource: 'app',
    title: 'List',
    action: 'list',
    method: 'GET',
    href,
    slots: [],
    chain: [],
    rel: 'instances',
    list: true,
    variant: null,
    statuses: [200, 206],
    hasBody: false,
    required: [],
    query: false,
    ranges,
    id: 'app.list',
  };
}
