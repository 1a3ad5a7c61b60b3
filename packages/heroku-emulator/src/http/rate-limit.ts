/**
 * Heroku's per-account rate limit: a token bucket holding 4500 calls that refills
 * at 75 a minute. Each API call takes one token; `GET /account/rate-limits` is free.
 */

/** Bucket settings. */
export interface RateLimitOptions {
  /** Bucket size; 4500 on Heroku. */
  readonly capacity?: number;
  /** Tokens added per minute; 75 on Heroku. */
  readonly refillPerMinute?: number;
  /** Milliseconds clock, replaceable so refills can be proven without waiting. */
  readonly now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** One bucket per account id. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  private readonly capacity: number;

  private readonly perMs: number;

  private readonly now: () => number;

  constructor(options: RateLimitOptions = {}) {
    this.capacity = options.capacity ?? 4500;
    this.perMs = (options.refillPerMinute ?? 75) / 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Tokens left for the account, refilled up to now. */
  remaining(account: string): number {
    return Math.floor(this.refill(account).tokens);
  }

  /** Takes one token; returns false (and takes nothing) when the bucket is empty. */
  take(account: string): boolean {
    const bucket = this.refill(account);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  private refill(account: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(account) ?? { tokens: this.capacity, at: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(account, bucket);
    return bucket;
  }
}
