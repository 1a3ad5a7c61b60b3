/**
 * Remembers the last RateLimit-Remaining seen per token and, when pacing is on,
 * spaces calls out once the budget runs low so it refills instead of running
 * dry. Heroku refills about 75 calls a minute, one every 800 ms.
 */
import { sleep } from './sleep.js';

/** Pacing: below `reserve` remaining calls, send at most one call per `interval` ms. */
export interface PacingPolicy {
  /** Remaining calls under which pacing starts (default 100). */
  readonly reserve: number;
  /** Minimum ms between calls while pacing (default 800, Heroku's refill rate). */
  readonly interval: number;
}

/** The pacing defaults, used when `rateLimit: { pace: true }` is given. */
export const DEFAULT_PACING: PacingPolicy = { reserve: 100, interval: 800 };

interface Budget {
  remaining: number;
  nextSlot: number;
}

/** Per-token memory of the rate-limit budget, keyed by token identity (a hash). */
export class RateLimitMemory {
  readonly #budgets = new Map<string, Budget>();

  /** Records a RateLimit-Remaining header value. */
  record(identity: string, header: string | undefined): void {
    if (header === undefined) return;
    const remaining = Number.parseInt(header, 10);
    if (Number.isNaN(remaining)) return;
    const budget = this.#budgets.get(identity);
    if (budget === undefined) this.#budgets.set(identity, { remaining, nextSlot: 0 });
    else budget.remaining = remaining;
  }

  /** The last known remaining budget of a token identity. */
  remaining(identity: string): number | undefined {
    return this.#budgets.get(identity)?.remaining;
  }

  /** How long the next call must wait under `policy`, claiming its slot; 0 for none. */
  claim(identity: string, policy: PacingPolicy): number {
    const budget = this.#budgets.get(identity);
    if (budget === undefined || budget.remaining >= policy.reserve) return 0;
    const now = Date.now();
    const start = Math.max(now, budget.nextSlot);
    budget.nextSlot = start + policy.interval;
    return start - now;
  }

  /** Waits for the call's slot; resolves at once when no pacing is needed. */
  async pace(identity: string, policy: PacingPolicy, signal: AbortSignal | undefined) {
    const wait = this.claim(identity, policy);
    if (wait > 0) await sleep(wait, signal);
    return wait;
  }
}
