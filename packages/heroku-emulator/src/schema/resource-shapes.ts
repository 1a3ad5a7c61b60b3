import type { Shape } from './shape.js';

/** The generated shapes of one resource: its own, and its links' targets and bodies. */
export interface ResourceShapes {
  /** The resource definition's shape (all its declared properties). */
  readonly resource: Shape;
  /** Each link's target schema, by link id. */
  readonly targets: Readonly<Record<string, Shape>>;
  /** Each link's request body schema, by link id. */
  readonly bodies: Readonly<Record<string, Shape>>;
}
