/**
 * Decides, request by request, which fault (if any) to inject, and applies it.
 * Decisions come from a seeded generator in arrival order, so a run with the
 * same seed and the same request order meets the same faults.
 *
 * Refusals (server errors and 429s) are answered before authentication and
 * before the behaviour runs, so they never change state. A reset is the one
 * fault that lets the request take effect: see `FaultOptions.resetRate`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerRateLimited, answerServerError, armReset, armSlowBody } from './effects.js';
import { anyFault, type FaultOptions, type FaultPlan, planFaults } from './options.js';
import { seededRandom } from './random.js';

/** How many requests met each fault since the faults were last configured. */
export interface FaultStats {
  readonly requests: number;
  readonly errors: number;
  readonly resets: number;
  readonly rateLimited: number;
}

/** Runtime control of the faults of a running emulator. */
export interface FaultControl {
  /** Replaces the fault settings; `undefined` turns every fault off. */
  configure(options: FaultOptions | undefined): void;
  /** Counts of injected faults. */
  stats(): FaultStats;
}

type Decision =
  | { readonly kind: 'none' }
  | { readonly kind: 'error' }
  | { readonly kind: 'reset' }
  | { readonly kind: 'rate-limit'; readonly retryAfter: number | undefined };

/** The emulator's fault injector; does nothing until configured with a fault. */
export class FaultInjector implements FaultControl {
  #plan: FaultPlan | undefined;
  #random: () => number = Math.random;
  #burstLeft = 0;
  #burstRetryAfter: number | undefined;
  #stats = { requests: 0, errors: 0, resets: 0, rateLimited: 0 };

  constructor(options?: FaultOptions) {
    this.configure(options);
  }

  configure(options: FaultOptions | undefined): void {
    this.#plan = options !== undefined && anyFault(options) ? planFaults(options) : undefined;
    this.#random = seededRandom(this.#plan?.seed ?? 1);
    this.#burstLeft = 0;
    this.#stats = { requests: 0, errors: 0, resets: 0, rateLimited: 0 };
  }

  stats(): FaultStats {
    return { ...this.#stats };
  }

  /**
   * Applies this request's fault. Returns `undefined` when faults are off, else
   * a promise of true when the fault answered the request itself.
   */
  intercept(req: IncomingMessage, res: ServerResponse): Promise<boolean> | undefined {
    const plan = this.#plan;
    if (plan === undefined) return undefined;
    const decision = this.#decide(plan);
    return this.#apply(plan, decision, req, res);
  }

  async #apply(
    plan: FaultPlan,
    decision: Decision,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<boolean> {
    if (plan.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.latencyMs));
    const head = req.method === 'HEAD';

    switch (decision.kind) {
      case 'error':
        req.resume();
        answerServerError(res, plan.errorStatus, head);
        return true;
      case 'rate-limit':
        req.resume();
        answerRateLimited(res, decision.retryAfter, head);
        return true;
      case 'reset':
        armReset(res);
        return false;
      default:
        if (plan.slowStreamMs > 0) armSlowBody(res, plan.slowStreamMs);
        return false;
    }
  }

  #decide(plan: FaultPlan): Decision {
    // Two draws per request whatever the outcome, so one decision never shifts the next.
    const roll = this.#random();
    const coin = this.#random();
    this.#stats.requests += 1;

    if (this.#burstLeft > 0) {
      this.#burstLeft -= 1;
      this.#stats.rateLimited += 1;
      return { kind: 'rate-limit', retryAfter: this.#burstRetryAfter };
    }
    if (roll < plan.errorRate) {
      this.#stats.errors += 1;
      return { kind: 'error' };
    }
    if (roll < plan.errorRate + plan.resetRate) {
      this.#stats.resets += 1;
      return { kind: 'reset' };
    }
    if (roll < plan.errorRate + plan.resetRate + burstStart(plan)) {
      this.#burstLeft = plan.rateLimitBurst - 1;
      this.#burstRetryAfter = coin < 0.5 ? plan.retryAfterSeconds : undefined;
      this.#stats.rateLimited += 1;
      return { kind: 'rate-limit', retryAfter: this.#burstRetryAfter };
    }
    return { kind: 'none' };
  }
}

/**
 * The chance that a request starts a 429 burst. A burst refuses several
 * requests in a row, so bursts start less often: with a start chance p and
 * bursts of B, the refused share is pB / (1 + p(B - 1)), solved here for p.
 */
function burstStart(plan: FaultPlan): number {
  const share = plan.rateLimitRate;
  const length = plan.rateLimitBurst;
  return share / (length - share * (length - 1));
}
