/**
 * The shape of one entry of the generated route table. The generator writes one
 * `LinkSpec` per link of the schema; the fluent API, the docs and the emulator all
 * read these entries instead of the schema.
 */

/** An HTTP method, normalised to upper case. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One `{...}` placeholder of a link's href. */
export interface PathSlot {
  /** Name as the docs show it, e.g. `app_id_or_name`; unique within the href. */
  readonly name: string;
  /** The resource whose definition the placeholder points at, e.g. `app`. */
  readonly resource: string;
  /** The keys the slot can be resolved by, e.g. `['id', 'name']`; `['self']` for `~`. */
  readonly keys: readonly string[];
}

/** One step of a fluent chain: a literal segment and the path values it takes. */
export interface ChainStep {
  /** The method name, camelCase of the literal segment (`configVars`). */
  readonly name: string;
  /** The literal segment as the href spells it (`config-vars`). */
  readonly segment: string;
  /** How many path values follow the segment (0, 1 or 2). */
  readonly params: number;
}

/** One link of the schema, as the generator resolved it. */
export interface LinkSpec {
  /** Schema resource name, e.g. `dyno`. */
  readonly resource: string;
  /** The link's title as the schema gives it (`Restart all`); derived when missing. */
  readonly title: string;
  /** camelCase action name on the chain (`restartAll`). */
  readonly action: string;
  readonly method: HttpMethod;
  /**
   * The href with placeholders named after their slots, e.g.
   * `/apps/{app_id_or_name}/dynos/{dyno_id_or_name}`. A literal `~` stays as is.
   */
  readonly href: string;
  readonly slots: readonly PathSlot[];
  /** The fluent chain that reaches the action. */
  readonly chain: readonly ChainStep[];
  /** The schema's `rel`, or `null` when the link has none. */
  readonly rel: string | null;
  /** True when the target schema is an array: the link is paginated with Range. */
  readonly list: boolean;
  /** `3.sdk` for links the plain version 3 schema lacks, else `null`. */
  readonly variant: string | null;
  /** Statuses a successful call answers with, e.g. `[200, 206]` for lists. */
  readonly statuses: readonly number[];
  /** True when the link declares a request body schema. */
  readonly hasBody: boolean;
  /** Top-level body fields the schema requires. */
  readonly required: readonly string[];
  /** GET links with a schema send their body as query parameters. */
  readonly query: boolean;
  /** Fields the `Range` header may sort by, first one the default. */
  readonly ranges: readonly string[];
  /** Id of the link: `<resource>.<action>`, unique across the table. */
  readonly id: string;
}
