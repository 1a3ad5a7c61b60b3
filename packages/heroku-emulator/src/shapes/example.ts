/**
 * Builds a value of a shape from the schema's examples, so that a record made
 * by the generic behaviour looks like the resource the schema describes.
 */
import type { Shape } from '../schema/shape.js';

/** An example value of `shape`: its own example, else one built from its parts. */
export function exampleOf(shape: Shape): unknown {
  if (shape.example !== undefined) return structuredClone(shape.example);

  switch (shape.t) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(shape.props)) value[key] = exampleOf(prop);
      return value;
    }
    case 'array':
      return [];
    case 'union': {
      const first = shape.of.find((alt) => alt.t !== 'any') ?? shape.of[0];
      return first === undefined ? null : exampleOf(first);
    }
    default:
      return scalarDefault(shape);
  }
}

/** The plainest value of a scalar shape: first enum value, else a typed zero. */
export function scalarDefault(shape: Shape): unknown {
  if (shape.t !== 'object' && shape.t !== 'array' && shape.t !== 'union') {
    if (shape.enum !== undefined && shape.enum.length > 0) return shape.enum[0];
  }
  if (shape.nullable === true) return null;
  switch (shape.t) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return {};
    default:
      return null;
  }
}
