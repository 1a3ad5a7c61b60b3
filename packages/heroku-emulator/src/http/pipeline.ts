/**
 * The request handler: request id → streaming capability URLs → auth → Accept →
 * route → rate limit → body → validation → behaviour (one transaction) →
 * serialisation → Range → ETag → response. Each failure answers in Heroku's
 * envelope, and each request leaves one log line.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadValidator } from 'heroku-client/generated/validators';
import type { Account } from '../accounts/accounts.js';
import type { BehaviourContext, BehaviourResult, Services } from '../behaviours/context.js';
import { serveGeneric } from '../behaviours/generic.js';
import type { BehaviourRegistry } from '../behaviours/registry.js';
import { type Resolved, resolveSlots } from '../behaviours/resolve.js';
import type { FaultInjector } from '../faults/injector.js';
import type { RouteLink } from '../link.js';
import type { Logger } from '../log.js';
import { answerText, serialiseAnswer } from '../shapes/answer-cache.js';
import { negotiateVersion } from './accept.js';
import { readCredentials, unauthorized } from './auth.js';
import { readJsonBody } from './body.js';
import { ApiError, invalidParams, notFound } from './errors.js';
import { etagOf, matchesIfNoneMatch } from './etag.js';
import { lastModified } from './last-modified.js';
import { paginate } from './paginate.js';
import { parseRange, type RangeSpec } from './range.js';
import type { RateLimiter } from './rate-limit.js';
import { requestIds } from './request-id.js';
import { CLIENT_CLOSED, isClientGone, logPath } from './request-log.js';
import { sendError, sendJson } from './respond.js';
import type { Router } from './router.js';
import { blockingIssues, bodyForValidation, normaliseBody } from './tolerance.js';

/** Everything the handler needs. */
export interface PipelineDeps {
  readonly services: Services;
  readonly registry: BehaviourRegistry;
  readonly router: Router;
  readonly limiter: RateLimiter;
  readonly bodyLimit: number;
  readonly log: Logger;
  /** The schema document for `GET /schema`, or `undefined` when there is none. */
  readonly schemaText: () => string | undefined;
  /** Injected faults, when the emulator was asked for any. */
  readonly faults?: FaultInjector;
}

/** The link whose calls cost nothing against the rate limit. */
const FREE_LINK = 'rate-limit.info';

const RATE_LIMITED =
  'Your account reached the API rate limit\nPlease wait a few minutes before making new requests';

/** Builds the `node:http` request listener. */
export function createHandler(deps: PipelineDeps) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const ids = requestIds(req.headers['request-id']);
    res.setHeader('Request-Id', ids.header);
    const path = logPath((req.url ?? '/').split('?')[0] ?? '/');

    const finish = (status: number, note = '') => {
      const ms = (performance.now() - started).toFixed(1);
      deps.log.info(`${req.method} ${path} ${status} ${ms}ms request_id=${ids.own}${note}`);
    };
    const serve = () => {
      if (deps.services.hooks.handleRequest?.(req, res) === true) {
        res.on('finish', () => finish(res.statusCode));
        return;
      }
      handle(deps, req, res).then(finish, (error: unknown) => {
        // A client that hangs up mid-body is nobody's fault and gets no answer.
        if (isClientGone(req, error)) {
          res.destroy();
          finish(CLIENT_CLOSED, ' client closed');
          return;
        }
        if (!isExpected(error)) deps.log.error(`request_id=${ids.own} failed: ${describe(error)}`);
        finish(sendError(res, error, req.method === 'HEAD'));
      });
    };

    // Injected faults come first, so a refused request never reaches a behaviour.
    const fault = deps.faults?.intercept(req, res);
    if (fault === undefined) serve();
    else fault.then((answered) => (answered ? finish(res.statusCode) : serve()));
  };
}

async function handle(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse) {
  const { services } = deps;
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const method = effectiveMethod(req);
  const head = req.method === 'HEAD';

  // --- GET /schema: public, like Heroku's ----------------------------------
  if (method === 'GET' && url.pathname === '/schema') return serveSchema(deps, req, res, head);

  // --- Auth, then Accept ----------------------------------------------------
  const account = authenticate(deps, req.headers.authorization);
  const version = negotiateVersion(req.headers.accept);

  // --- Route ------------------------------------------------------------------
  const match = deps.router.match(method, url.pathname);
  if (match === undefined) throw unroutedNotFound(url.pathname);

  // --- Rate limit (GET /account/rate-limits is free) ----------------------
  const free = match.links.some((l) => l.id === FREE_LINK);
  if (!free && !deps.limiter.take(account.id)) {
    throw new ApiError(
      429,
      'rate_limit',
      RATE_LIMITED,
      { url: 'https://devcenter.heroku.com/articles/platform-api-reference#rate-limits' },
      { 'RateLimit-Remaining': '0' },
    );
  }
  // Set on the response itself, so that an error answered from here on carries it too.
  res.setHeader('RateLimit-Remaining', String(deps.limiter.remaining(account.id)));

  // --- Body, link choice, tolerance and validation --------------------------
  const query = match.links.some((l) => l.query);
  const raw = query
    ? Object.fromEntries(url.searchParams)
    : await readJsonBody(req, deps.bodyLimit);
  const link = chooseLink(match.links, raw);
  // What the path names is found first, so that an unknown app answers 404
  // whatever the body says. Validating a body waits, and another request may
  // change the store meanwhile: the behaviour then resolves the path again.
  const early = resolveSlots(services.store, link, match.params, account);
  const body = normaliseBody(link.id, raw ?? (link.hasBody ? {} : undefined));
  if (link.hasBody) {
    deps.registry.bodyCheck(link.id)?.(body);
    await validate(deps, link, body);
  }
  const resolved = link.hasBody ? undefined : early;
  // Range applies to paginated lists only; elsewhere it is ignored (NHC sends it everywhere).
  const range = isPaginated(link) ? parseRange(req.headers.range) : undefined;

  // --- Behaviour, in one transaction ------------------------------------------
  const result = services.store.transaction(() =>
    runBehaviour(deps, {
      link,
      account,
      params: match.params,
      body,
      query: Object.fromEntries(url.searchParams),
      req,
      variant: version.variant,
      resolved,
    }),
  );

  // --- Serialise, paginate, ETag ----------------------------------------------
  const answer = shapeAnswer(deps, link, result, range);
  const text = answerText(answer.body);
  const etag = etagOf(text);
  const headers: Record<string, string> = {
    ...answer.headers,
    ...result.headers,
    ETag: etag,
    'Last-Modified': lastModified(answer.body, services.now()),
    'Cache-Control': 'private, no-cache',
  };
  if (method === 'GET' && matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.statusCode = 304;
    res.end();
    return 304;
  }
  sendJson(res, answer.status, text, headers, head);
  return answer.status;
}

interface Call {
  readonly link: RouteLink;
  readonly account: Account;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
  readonly query: Readonly<Record<string, string>>;
  readonly req: IncomingMessage;
  readonly variant: string | null;
  /** The records the path names, when nothing could have changed since they were found. */
  readonly resolved: Resolved | undefined;
}

function runBehaviour(deps: PipelineDeps, call: Call): BehaviourResult {
  const { services } = deps;
  const resolved =
    call.resolved ?? resolveSlots(services.store, call.link, call.params, call.account);
  const ctx: BehaviourContext = {
    link: call.link,
    account: call.account,
    params: call.params,
    body: call.body,
    query: call.query,
    headers: call.req.headers,
    variant: call.variant,
    services,
    resolved,
    resolve(slotName) {
      const record = resolved.get(slotName);
      if (record === undefined) throw new Error(`${call.link.id} has no slot ${slotName}`);
      return record;
    },
    generic: () => serveGeneric(ctx, resolved),
  };
  const handler = deps.registry.lookup(call.link.id);
  return handler === undefined ? ctx.generic() : handler(ctx);
}

function shapeAnswer(
  deps: PipelineDeps,
  link: RouteLink,
  result: BehaviourResult,
  range: RangeSpec | undefined,
): { status: number; body: unknown; headers: Record<string, string> } {
  const target =
    result.serialised === true ? undefined : deps.services.shapes[link.resource]?.targets[link.id];
  const status = result.status ?? link.statuses[0] ?? 200;
  if (!isPaginated(link)) {
    return { status, body: serialiseAnswer(result.body, target), headers: {} };
  }

  const items = Array.isArray(result.body) ? result.body : [];
  const shaped = serialiseAnswer(items, target) as Record<string, unknown>[];
  const page = paginate(shaped, range, link.ranges);
  return { status: page.status, body: page.items, headers: page.headers };
}

/** Lists answered page by page (200/206); other array answers come whole. */
function isPaginated(link: RouteLink): boolean {
  return link.list && link.statuses.includes(206);
}

function authenticate(deps: PipelineDeps, header: string | undefined): Account {
  const credentials = readCredentials(header);
  if (credentials === undefined) throw unauthorized();
  const account = deps.services.accounts.byToken(credentials.token);
  // Basic auth takes an empty user; the older `<email>:<token>` form is kept for its owner.
  if (account === undefined || (credentials.user !== '' && credentials.user !== account.email)) {
    throw unauthorized();
  }
  // A deleted account's token stops working.
  if (deps.services.store.get('account', account.id) === undefined) throw unauthorized();
  return account;
}

async function validate(deps: PipelineDeps, link: RouteLink, body: unknown): Promise<void> {
  const validator = await loadValidator(link.id);
  if (validator === undefined) return;
  const shape = deps.services.shapes[link.resource]?.bodies[link.id];
  const declares = shape?.t === 'object' && Object.keys(shape.props).length > 0;
  const issues = blockingIssues(validator(bodyForValidation(link.id, body)), declares);
  const first = issues[0];
  if (first !== undefined) throw invalidParams(first.message);
}

/** Picks among links sharing a method and href by the body fields each requires. */
function chooseLink(links: readonly RouteLink[], body: unknown): RouteLink {
  const given = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  const fitting = links
    .filter((l) => l.required.every((key) => given.includes(key)))
    .sort((a, b) => b.required.length - a.required.length);
  const chosen = fitting[0] ?? links[0];
  if (chosen === undefined) throw endpointNotFound();
  return chosen;
}

function serveSchema(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse, head: boolean) {
  const text = deps.schemaText();
  if (text === undefined)
    throw new ApiError(404, 'not_found', 'No schema is available.', { resource: 'schema' });
  const etag = etagOf(text);
  if (matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    res.setHeader('ETag', etag);
    res.statusCode = 304;
    res.end();
    return 304;
  }
  sendJson(res, 200, text, { ETag: etag }, head);
  return 200;
}

/** HEAD is served as GET; `POST` with `X-Http-Method-Override` as the named verb. */
function effectiveMethod(req: IncomingMessage): string {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'HEAD') return 'GET';
  const override = req.headers['x-http-method-override'];
  if (method === 'POST' && typeof override === 'string' && override.trim() !== '') {
    return override.trim().toUpperCase();
  }
  return method;
}

/**
 * OAuth sessions are outside the schema; the emulator has none (its tokens are
 * API keys), so they answer as Heroku does for a session that does not exist.
 */
function unroutedNotFound(path: string): ApiError {
  return path === '/oauth/sessions' || path.startsWith('/oauth/sessions/')
    ? notFound('session')
    : endpointNotFound();
}

function endpointNotFound(): ApiError {
  return new ApiError(
    404,
    'not_found',
    'The requested API endpoint was not found. Are you using the right HTTP verb ' +
      '(i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?',
  );
}

function isExpected(error: unknown): boolean {
  return error instanceof ApiError;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
