/**
 * Per-link behaviours. The generic schema-driven behaviour serves every link
 * that has no handler registered here; the resources with real semantics (apps,
 * config vars, releases, ...) register handlers by link id, e.g.
 * `registry.register('app.create', createApp)`.
 */
import type { Behaviour } from './context.js';

/**
 * Checks a request body before the schema does, so that a rule Heroku words in
 * its own way (an app name's letter rules) answers with Heroku's message.
 * Throws an `ApiError` to reject the body.
 */
export type BodyCheck = (body: unknown) => void;

/** Maps link ids to the handlers that override the generic behaviour. */
export class BehaviourRegistry {
  private readonly handlers = new Map<string, Behaviour>();

  private readonly checks = new Map<string, BodyCheck>();

  /** Serves `linkId` with `handler` from now on (replacing any earlier one). */
  register(linkId: string, handler: Behaviour): this {
    this.handlers.set(linkId, handler);
    return this;
  }

  /** Registers several handlers at once. */
  registerAll(handlers: Readonly<Record<string, Behaviour>>): this {
    for (const [linkId, handler] of Object.entries(handlers)) this.register(linkId, handler);
    return this;
  }

  /** The handler for `linkId`, or `undefined` when the generic behaviour applies. */
  lookup(linkId: string): Behaviour | undefined {
    return this.handlers.get(linkId);
  }

  /** Checks `linkId`'s bodies with `check` before schema validation. */
  registerBodyCheck(linkId: string, check: BodyCheck): this {
    this.checks.set(linkId, check);
    return this;
  }

  /** The body check of `linkId`, if one is registered. */
  bodyCheck(linkId: string): BodyCheck | undefined {
    return this.checks.get(linkId);
  }

  /** Ids of every link with its own handler. */
  ids(): string[] {
    return [...this.handlers.keys()];
  }
}
