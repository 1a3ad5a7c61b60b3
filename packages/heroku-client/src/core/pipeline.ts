/**
 * The request pipeline: sends one page of one call and turns the answer into a
 * response or an error, with the cache, rate-limit memory, two-factor prompt and
 * retries around the transport.
 */
import { type CachedAnswer, cacheKey, revalidatedHeaders } from './cache.js';
import type { ClientContext } from './context.js';
import { createApiError, createTransportError } from './error-factory.js';
import { HerokuAbortError, type HerokuApiError, TwoFactorRequiredError } from './errors.js';
import { formatHeaders, redact, redactHeaders } from './logger.js';
import type { PreparedRequest } from './request-options.js';
import { flattenHeaders, type HerokuResponse, parseBody, rateLimitOf } from './response.js';
import { isIdempotent, neverReachedServer, retryDelay } from './retry.js';
import { sleep } from './sleep.js';
import type { TransportResponse } from './transport.js';

function buildHeaders(
  ctx: ClientContext,
  req: PreparedRequest,
  token: string | undefined,
  range: string | undefined,
): Record<string, string> {
  const headers = { ...ctx.baseHeaders };
  if (req.accept !== undefined) headers.accept = req.accept;
  if (req.headers !== undefined) Object.assign(headers, req.headers);
  if (req.removed !== undefined) for (const name of req.removed) delete headers[name];
  if (token !== undefined && headers.authorization === undefined) {
    headers.authorization = `Bearer ${token}`;
  }
  if (req.body !== undefined && headers['content-type'] === undefined) {
    headers['content-type'] = 'application/json';
  }
  if (range !== undefined) headers.range = range;
  if (req.twoFactorCode !== undefined) headers['heroku-two-factor-code'] = req.twoFactorCode;
  return headers;
}

function surfaceWarnings(ctx: ClientContext, headers: Record<string, string>): void {
  const warning = headers['x-heroku-warning'] ?? headers['warning-message'];
  if (warning !== undefined) ctx.log.warnOnce(warning.replace(/^warning:\s*/i, ''));
  if (headers['x-heroku-warning'] !== undefined && headers['warning-message'] !== undefined) {
    ctx.log.warnOnce(headers['warning-message'].replace(/^warning:\s*/i, ''));
  }
}

function respond<T>(
  status: number,
  headers: Record<string, string>,
  body: T,
  fromCache: boolean,
): HerokuResponse<T> {
  return {
    body,
    status,
    headers,
    requestId: headers['request-id'],
    rateLimitRemaining: rateLimitOf(headers),
    fromCache,
  };
}

async function readCache(ctx: ClientContext, key: string): Promise<CachedAnswer | undefined> {
  try {
    return await ctx.cache?.get(key);
  } catch {
    // A shared store that fails must not fail the call: it only costs a full answer.
    return undefined;
  }
}

function writeCache(ctx: ClientContext, key: string, answer: CachedAnswer): void {
  try {
    Promise.resolve(ctx.cache?.set(key, answer)).catch(() => undefined);
  } catch {
    // Same reasoning as readCache: caching is an optimisation.
  }
}

/**
 * Sends one page of a call: `range` is the Range header of this page, if any.
 * Resolves with the response for any success (and for a 304 that the cache
 * answers); rejects with a member of the error family.
 */
export async function execute(
  ctx: ClientContext,
  req: PreparedRequest,
  range: string | undefined,
): Promise<HerokuResponse<unknown>> {
  // ── Credentials and headers
  const pending = ctx.tokens.current();
  const token = typeof pending === 'object' ? await pending : pending;
  const named = ctx.tokens.identity(token);
  const identity = typeof named === 'string' ? named : await named;
  const headers = buildHeaders(ctx, req, token, range);
  const secrets = [token, req.twoFactorCode];
  const { method } = req;
  const where = `${method} ${req.path}`;

  // ── Cache lookup: only GETs, keyed by token hash, Accept, Range and path
  let key: string | undefined;
  let cached: CachedAnswer | undefined;
  if (ctx.cache !== undefined && method === 'GET') {
    key = cacheKey(identity, headers.accept ?? '', req.path, range ?? '');
    cached = await readCache(ctx, key);
    if (cached !== undefined) headers['if-none-match'] = cached.etag;
  }

  const startedAt = Date.now();
  let attempt = 0;
  let askedSecondFactor = req.twoFactorCode !== undefined;
  for (;;) {
    // ── Pacing before the budget runs dry
    if (ctx.pacing !== undefined) await pace(ctx, identity, req, where);
    const requestId = crypto.randomUUID();
    headers['request-id'] = requestId;
    if (ctx.log.debugEnabled) {
      const detail = ctx.log.headersEnabled ? `\n${formatHeaders(headers)}` : '';
      ctx.log.debug(`--> ${where}${detail}`, secrets);
    }

    // ── Send
    let answer: TransportResponse;
    try {
      if (req.signal?.aborted) throw req.signal.reason;
      answer = await ctx.send({
        origin: ctx.origin,
        path: ctx.basePath + req.path,
        method,
        headers,
        body: req.body,
        signal: req.signal,
        timeout: req.timeout ?? ctx.timeout,
      });
    } catch (cause) {
      const call = { method, path: req.path, requestId };
      const error = createTransportError(cause, call, req.signal);
      if (error instanceof HerokuAbortError) throw error;
      const allowed = isIdempotent(method) || neverReachedServer(cause);
      const delay = allowed ? retryDelay(ctx.retry, ++attempt, startedAt, undefined) : undefined;
      if (delay === undefined) throw error;
      await wait(ctx, { method, path: req.path, attempt, delay, status: undefined, error }, req);
      continue;
    }

    // ── Read the answer
    const answerHeaders = flattenHeaders(answer.headers);
    const { status } = answer;
    ctx.rate.record(identity, answerHeaders['ratelimit-remaining']);
    surfaceWarnings(ctx, answerHeaders);
    if (ctx.log.debugEnabled) {
      const detail = ctx.log.headersEnabled ? `\n${formatHeaders(answerHeaders)}` : '';
      ctx.log.debug(
        `<-- ${status} ${where} (${answerHeaders['request-id'] ?? requestId})${detail}`,
        secrets,
      );
    }
    answerHeaders['request-id'] ??= requestId;

    // ── Not modified: the body from the cache, the request id and budget from this answer
    if (status === 304 && cached !== undefined) {
      const merged = revalidatedHeaders(cached, answerHeaders);
      return respond(cached.status, merged, parseBody(cached.body, req.parseJSON), true);
    }

    // ── Success
    if (status < 400) {
      if (key !== undefined && (status === 200 || status === 206) && answerHeaders.etag) {
        writeCache(ctx, key, {
          etag: answerHeaders.etag,
          status,
          headers: answerHeaders,
          body: answer.body,
        });
      }
      return respond(status, answerHeaders, parseBody(answer.body, req.parseJSON), false);
    }

    // ── Errors: a second factor, a retry, or the error itself
    // A server that echoes credentials must not put them into the error.
    const error = createApiError({
      status,
      method,
      path: req.path,
      text: redact(answer.body, secrets),
      headers: redactHeaders(answerHeaders, secrets),
      requestId: answerHeaders['request-id'],
      anonymous: token === undefined,
    });
    if (
      error instanceof TwoFactorRequiredError &&
      ctx.twoFactor !== undefined &&
      !askedSecondFactor
    ) {
      askedSecondFactor = true;
      headers['heroku-two-factor-code'] = await askSecondFactor(ctx, error);
      secrets.push(headers['heroku-two-factor-code']);
      continue;
    }
    // A 429 proves the API refused the call before acting on it, so any method may go again.
    const retryable =
      ctx.retry.statuses.includes(status) && (isIdempotent(method) || status === 429);
    const delay = retryable
      ? retryDelay(ctx.retry, ++attempt, startedAt, answerHeaders['retry-after'])
      : undefined;
    if (delay === undefined) throw error;
    await wait(ctx, { method, path: req.path, attempt, delay, status, error }, req);
  }
}

async function pace(
  ctx: ClientContext,
  identity: string,
  req: PreparedRequest,
  where: string,
): Promise<void> {
  const policy = ctx.pacing;
  if (policy === undefined) return;
  let waited: number;
  try {
    waited = await ctx.rate.pace(identity, policy, req.signal);
  } catch (cause) {
    throw new HerokuAbortError(`${where} was aborted`, {
      method: req.method,
      path: req.path,
      cause,
    });
  }
  if (waited > 0 && ctx.log.debugEnabled) ctx.log.debug(`pacing ${where} by ${waited} ms`, []);
}

async function askSecondFactor(ctx: ClientContext, error: HerokuApiError): Promise<string> {
  const app = (error.body as { app?: { name?: unknown } } | undefined)?.app?.name;
  const code = await ctx.twoFactor?.({
    method: error.method,
    path: error.path,
    message: error.message,
    app: typeof app === 'string' ? app : undefined,
  });
  if (typeof code !== 'string' || code === '') throw error;
  return code;
}

async function wait(
  ctx: ClientContext,
  info: Parameters<NonNullable<ClientContext['retry']['onRetry']>>[0],
  req: PreparedRequest,
): Promise<void> {
  ctx.retry.onRetry?.(info);
  if (ctx.log.debugEnabled) {
    const why = info.status ?? info.error.message;
    ctx.log.debug(
      `retry ${info.attempt} of ${info.method} ${info.path} in ${info.delay} ms (${why})`,
      [],
    );
  }
  try {
    await sleep(info.delay, req.signal);
  } catch (cause) {
    throw new HerokuAbortError(`${info.method} ${info.path} was aborted`, { ...info, cause });
  }
}
