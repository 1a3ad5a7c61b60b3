/**
 * The members of a generated route-table entry (`LinkSpec` in heroku-client) that
 * the emulator reads. Declared structurally so that the emulator depends only on
 * the generated data, not on where the client keeps its types.
 */

/** One `{...}` placeholder of an href. */
export interface RouteSlot {
  /** Placeholder name, unique within the href. */
  readonly name: string;
  /** The resource the value identifies. */
  readonly resource: string;
  /** Keys the value may match (`['id', 'name']`, `['self']` for `~`). */
  readonly keys: readonly string[];
}

/** One link of the schema. */
export interface RouteLink {
  /** `<resource>.<action>`, unique. */
  readonly id: string;
  readonly resource: string;
  readonly method: string;
  /** Href with `{slot}` placeholders; a literal `~` may appear. */
  readonly href: string;
  readonly slots: readonly RouteSlot[];
  readonly rel: string | null;
  /** True when the target schema is an array. */
  readonly list: boolean;
  /** Statuses of a success, the first being the usual one. */
  readonly statuses: readonly number[];
  readonly hasBody: boolean;
  /** Top-level body fields the schema requires. */
  readonly required: readonly string[];
  /** GET links whose parameters travel in the query string. */
  readonly query: boolean;
  /** Fields a `Range` may sort by, the first the default; empty when unknown. */
  readonly ranges: readonly string[];
}
