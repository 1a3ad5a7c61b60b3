/**
 * The benchmark's loopback server: Heroku's shapes for apps, with every body built once and
 * kept, so a request costs a lookup and a write. Run it in its own process:
 *
 *   node bench/server.mjs            # BENCH_TOTAL_APPS=10000 BENCH_PORT=0 by default
 *
 * GET /apps/{id or name} · GET /apps (Range `id ..; max=N`, `]` = exclusive start, 206 and
 * Next-Range while more remain, pages up to 1000, `?total=N` sets the list size) · POST /apps.
 * BENCH_APPS_FILE=<json array> serves those apps instead of the generated ones.
 */
import { createServer } from 'node:http';
import { appObject, DEFAULT_TOTAL } from './lib/app-fixture.mjs';
import { fileCatalogue, fixtureCatalogue } from './lib/catalogue.mjs';
import { parseRange } from './lib/range.mjs';

const NAME_PATTERN = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;
const envTotal = Number(process.env.BENCH_TOTAL_APPS ?? DEFAULT_TOTAL);
const defaultCatalogue = process.env.BENCH_APPS_FILE
  ? fileCatalogue(process.env.BENCH_APPS_FILE)
  : fixtureCatalogue(envTotal);
const catalogues = new Map([[defaultCatalogue.total, defaultCatalogue]]);
const pageCache = new Map();
const createdCache = new Map();
let requestCount = 0;

function send(res, status, body, extra = []) {
  requestCount += 1;
  res.writeHead(status, [
    'Content-Type',
    'application/json',
    'Content-Length',
    String(body.length),
    'Request-Id',
    `bench-${requestCount}`,
    'RateLimit-Remaining',
    '4500',
    ...extra,
  ]);
  res.end(body);
}

function fail(res, status, id, message) {
  send(res, status, Buffer.from(JSON.stringify({ id, message })));
}

function catalogueFor(query) {
  const total = /(?:^|&)total=(\d+)/.exec(query)?.[1];
  if (total === undefined || process.env.BENCH_APPS_FILE) return defaultCatalogue;

  const n = Number(total);
  if (!catalogues.has(n)) catalogues.set(n, fixtureCatalogue(n));
  return catalogues.get(n);
}

/** One page of the listing, built on first request and kept with its headers. */
function page(catalogue, first, max) {
  const key = `${catalogue.total}|${first}|${max}`;
  const cached = pageCache.get(key);
  if (cached !== undefined) return cached;

  const end = Math.min(first + max, catalogue.total);
  const parts = [];
  for (let i = first; i < end; i++) parts.push(catalogue.json(i));
  const body = Buffer.from(`[${parts.join(',')}]`);
  const headers = ['Accept-Ranges', 'id, name, updated_at'];
  if (end > first) {
    const last = catalogue.idOf(end - 1);
    headers.push('Content-Range', `id ${catalogue.idOf(first)}..${last}; max=${max}`);
    if (end < catalogue.total) headers.push('Next-Range', `id ]${last}..; max=${max}`);
  }
  const entry = { status: end < catalogue.total ? 206 : 200, body, headers };
  pageCache.set(key, entry);
  return entry;
}

function list(req, res, query) {
  const range = parseRange(req.headers.range);
  if (range.error !== undefined)
    return fail(res, 416, 'requested_range_not_satisfiable', range.error);

  const catalogue = catalogueFor(query);
  let first = 0;
  if (range.start !== '') {
    const at = catalogue.indexOf(range.start);
    if (at < 0) return fail(res, 416, 'requested_range_not_satisfiable', 'Unknown range start.');
    first = range.exclusive ? at + 1 : at;
  }
  const { status, body, headers } = page(catalogue, first, range.max);
  send(res, status, body, headers);
}

function info(res, idOrName, query) {
  const catalogue = catalogueFor(query);
  const i = catalogue.indexOf(decodeURIComponent(idOrName));
  if (i < 0) return fail(res, 404, 'not_found', "Couldn't find that app.");
  send(res, 200, Buffer.from(catalogue.json(i)));
}

function create(req, res) {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = chunks.length === 0 ? {} : JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return fail(res, 400, 'bad_request', 'Request body is not valid JSON.');
    }
    const name = body?.name ?? 'bench-created-app';
    if (typeof name !== 'string' || !NAME_PATTERN.test(name)) {
      return fail(
        res,
        422,
        'invalid_params',
        'Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.',
      );
    }
    if (createdCache.size > 10_000) createdCache.clear();
    let text = createdCache.get(name);
    if (text === undefined) {
      text = Buffer.from(JSON.stringify(appObject(defaultCatalogue.total, name)));
      createdCache.set(name, text);
    }
    send(res, 201, text);
  });
}

const server = createServer((req, res) => {
  if (req.headers.authorization === undefined) {
    return fail(res, 401, 'unauthorized', 'Invalid credentials provided.');
  }
  const [path = '/', query = ''] = (req.url ?? '/').split('?', 2);
  if (req.method === 'GET' && path === '/apps') return list(req, res, query);
  if (req.method === 'GET' && path.startsWith('/apps/') && path.indexOf('/', 6) < 0) {
    return info(res, path.slice(6), query);
  }
  if (req.method === 'POST' && path === '/apps') return create(req, res);
  req.resume();
  fail(res, 404, 'not_found', 'The requested API endpoint was not found.');
});

// Rounds leave sockets idle for seconds; keep them so reconnects do not enter the timings.
server.keepAliveTimeout = 120_000;
server.listen(Number(process.env.BENCH_PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address();
  if (process.send) process.send({ port });
  else console.log(`listening on http://127.0.0.1:${port}`);
});
process.on('disconnect', () => process.exit(0));
