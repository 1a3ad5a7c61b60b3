/**
 * What a behaviour sees of a request, and what it answers. Behaviours run
 * synchronously inside one store transaction: whatever they write applies in full
 * or, when they throw, not at all.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Account, AccountDirectory } from '../accounts/accounts.js';
import type { RouteLink } from '../link.js';
import type { ResourceShapes } from '../schema/resource-shapes.js';
import type { Store, StoredRecord } from '../store/store.js';
import type { StreamingHooks } from '../streaming.js';

/** Shapes of every resource, keyed by resource name. */
export type ShapeIndex = Readonly<Record<string, ResourceShapes>>;

/** The emulator's shared services, the same for every request. */
export interface Services {
  readonly store: Store;
  readonly shapes: ShapeIndex;
  readonly routes: readonly RouteLink[];
  readonly accounts: AccountDirectory;
  readonly hooks: StreamingHooks;
  /** Calls left in an account's rate-limit bucket. */
  rateLimitRemaining(accountId: string): number;
  /** The clock behaviours stamp records with. */
  now(): Date;
  /** Runs `task` after the current response, in its own transaction; errors are logged. */
  defer(task: () => void, delayMs?: number): void;
}

/** One request, as a behaviour sees it. */
export interface BehaviourContext {
  readonly link: RouteLink;
  /** The caller. */
  readonly account: Account;
  /** Raw path values by slot name. */
  readonly params: Readonly<Record<string, string>>;
  /** The request body after tolerance normalisation (query parameters for query links). */
  readonly body: unknown;
  /** The URL's query parameters (filters such as `eq[name]=x` on any link). */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The Accept variant (`sdk` for `version=3.sdk`), or `null`. */
  readonly variant: string | null;
  readonly services: Services;

  /** The records the path's slots name, by slot name, in path order. */
  readonly resolved: ReadonlyMap<string, StoredRecord>;

  /** The record a slot names (resolved and checked for visibility before the call). */
  resolve(slotName: string): StoredRecord;

  /** Runs the generic schema-driven behaviour for this request. */
  generic(): BehaviourResult;
}

/** What a behaviour answers; the pipeline serialises `body` by the link's target shape. */
export interface BehaviourResult {
  /** Defaults to the link's first success status (201 creates, 202 `empty`, else 200). */
  readonly status?: number;
  /** An array for list links; paginated by the pipeline. */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * True when `body` is already serialised and carries more than the target
   * shape declares (expansions asked for with `Accept-Expansion`).
   */
  readonly serialised?: boolean;
}

/** A handler for one link. */
export type Behaviour = (ctx: BehaviourContext) => BehaviourResult;
