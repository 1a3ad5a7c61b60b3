/**
 * A compact description of a JSON schema, as the generator writes it for every
 * resource and every link's target schema. The emulator serialises its records
 * through these so that every declared property is present with the right type.
 */
export type Shape = ScalarShape | ObjectShape | ArrayShape | UnionShape;

interface BaseShape {
  /** True when `null` is an allowed value. */
  readonly nullable?: boolean;
  /** The schema's example, when it gives one. */
  readonly example?: unknown;
}

/** A string, number, integer, boolean, or an unconstrained value (`any`). */
export interface ScalarShape extends BaseShape {
  readonly t: 'string' | 'integer' | 'number' | 'boolean' | 'any';
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
}

/** An object with declared properties; `additional` describes undeclared keys. */
export interface ObjectShape extends BaseShape {
  readonly t: 'object';
  readonly props: Readonly<Record<string, Shape>>;
  readonly required?: readonly string[];
  readonly additional?: Shape | boolean;
}

/** An array of items of one shape. */
export interface ArrayShape extends BaseShape {
  readonly t: 'array';
  readonly items: Shape;
}

/** One of several shapes (`anyOf` / `oneOf`). */
export interface UnionShape extends BaseShape {
  readonly t: 'union';
  readonly of: readonly Shape[];
}
