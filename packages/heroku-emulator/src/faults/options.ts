/**
 * The fault-injection settings of `startEmulator({ faults })` and the CLI's
 * `--fault-*` flags. Every fault is off unless asked for.
 */

/** Statuses an injected server error may carry. */
export type FaultStatus = 500 | 502 | 503 | 504;

/** What to inject; shares are fractions of all requests, from 0 to 1. */
export interface FaultOptions {
  /** Milliseconds every request waits before it is served. */
  readonly latencyMs?: number;
  /** Share of requests answered with a server error before anything else runs. */
  readonly errorRate?: number;
  /** Status of injected server errors (503 by default). */
  readonly errorStatus?: FaultStatus;
  /**
   * Share of requests whose connection is reset half-way through the answer.
   * The request is served first (a write takes effect), then the socket is
   * destroyed after the headers and part of the body: the caller cannot tell
   * whether its call took effect, which is the case a careful client must not
   * resolve by sending a non-idempotent call again.
   */
  readonly resetRate?: number;
  /** Share of requests answered `429 rate_limit`, arriving in bursts. */
  readonly rateLimitRate?: number;
  /** Requests in a row that one 429 burst refuses (3 by default). */
  readonly rateLimitBurst?: number;
  /** Retry-After seconds sent with half of the bursts (1 by default); the rest send none. */
  readonly retryAfterSeconds?: number;
  /** Milliseconds between the headers and each chunk of every answer's body. */
  readonly slowStreamMs?: number;
  /** Seed of the generator deciding which requests fail; the same seed gives the same sequence. */
  readonly seed?: number;
}

/** Settings with every default filled in. */
export type FaultPlan = Required<FaultOptions>;

const STATUSES: readonly number[] = [500, 502, 503, 504];

/** True when `options` asks for at least one fault. */
export function anyFault(options: FaultOptions | undefined): boolean {
  if (options === undefined) return false;
  return [
    options.latencyMs,
    options.errorRate,
    options.resetRate,
    options.rateLimitRate,
    options.slowStreamMs,
  ].some((value) => value !== undefined && value > 0);
}

/** Checks the settings and fills in defaults; throws a clear error for a bad value. */
export function planFaults(options: FaultOptions): FaultPlan {
  const plan: FaultPlan = {
    latencyMs: nonNegative('latencyMs', options.latencyMs ?? 0),
    errorRate: share('errorRate', options.errorRate ?? 0),
    errorStatus: options.errorStatus ?? 503,
    resetRate: share('resetRate', options.resetRate ?? 0),
    rateLimitRate: share('rateLimitRate', options.rateLimitRate ?? 0),
    rateLimitBurst: options.rateLimitBurst ?? 3,
    retryAfterSeconds: nonNegative('retryAfterSeconds', options.retryAfterSeconds ?? 1),
    slowStreamMs: nonNegative('slowStreamMs', options.slowStreamMs ?? 0),
    seed: options.seed ?? 1,
  };
  if (!STATUSES.includes(plan.errorStatus)) {
    throw new RangeError('faults.errorStatus must be 500, 502, 503 or 504.');
  }
  if (!Number.isInteger(plan.rateLimitBurst) || plan.rateLimitBurst < 1) {
    throw new RangeError('faults.rateLimitBurst must be a whole number of at least 1.');
  }
  if (!Number.isInteger(plan.seed)) throw new RangeError('faults.seed must be a whole number.');
  if (plan.errorRate + plan.resetRate + plan.rateLimitRate > 1) {
    throw new RangeError('faults: errorRate, resetRate and rateLimitRate add up to more than 1.');
  }
  return plan;
}

function share(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`faults.${name} must be a number from 0 to 1.`);
  }
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`faults.${name} must be a number of at least 0.`);
  }
  return value;
}
