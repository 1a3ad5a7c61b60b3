/**
 * `GET /account/rate-limits`: the calls left in the caller's bucket. The call
 * itself is free, so the answer equals the `RateLimit-Remaining` header.
 */
import type { Behaviour } from '../context.js';

/** Behaviours of the rate-limit resource. */
export const rateLimitBehaviours: Readonly<Record<string, Behaviour>> = {
  'rate-limit.info': (ctx) => ({
    body: { remaining: ctx.services.rateLimitRemaining(ctx.account.id) },
  }),
};
