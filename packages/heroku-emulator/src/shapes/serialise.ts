/**
 * Serialises a record through a link's target shape: every declared property is
 * present, with the declared type, or `null` where the schema allows it. Stored
 * values of a near type are converted (`"2"` for an integer), and values the
 * shape cannot hold fall back to the schema's example.
 */
import type { ObjectShape, Shape } from '../schema/shape.js';
import { shapeIssues } from './conforms.js';
import { exampleOf, scalarDefault } from './example.js';
import { ownValue, setOwn } from './own-members.js';

/** `value` reshaped to conform to `shape`. */
export function serialise(value: unknown, shape: Shape | undefined): unknown {
  if (shape === undefined || shape.t === 'any') return value ?? null;
  if (value === null || value === undefined) return missing(shape);

  switch (shape.t) {
    case 'object':
      return isPlainObject(value) ? serialiseObject(value, shape) : missing(shape);
    case 'array':
      return Array.isArray(value)
        ? value.map((item) => serialise(item, shape.items))
        : missing(shape);
    case 'union': {
      const match = shape.of.find((alt) => shapeIssues(value, alt).length === 0);
      if (match !== undefined) return value;
      const first = shape.of.find((alt) => alt.t !== 'any');
      return first === undefined ? value : serialise(value, first);
    }
    default:
      return scalar(value, shape);
  }
}

function serialiseObject(value: Record<string, unknown>, shape: ObjectShape) {
  const out: Record<string, unknown> = {};
  const declared = Object.keys(shape.props);

  for (const key of declared) setOwn(out, key, serialise(ownValue(value, key), shape.props[key]));

  // Free-form maps (config vars, metadata) carry their keys as undeclared members.
  const extras = shape.additional ?? declared.length === 0;
  if (extras !== false) {
    const extraShape = typeof extras === 'object' ? extras : undefined;
    for (const [key, item] of Object.entries(value)) {
      if (!Object.hasOwn(shape.props, key)) setOwn(out, key, serialise(item, extraShape));
    }
  }
  return out;
}

function scalar(value: unknown, shape: Shape): unknown {
  switch (shape.t) {
    case 'string':
      if (typeof value === 'string') {
        return shape.enum === undefined || shape.enum.includes(value) ? value : missing(shape);
      }
      return typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : missing(shape);
    case 'integer':
    case 'number': {
      const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      if (typeof n !== 'number' || Number.isNaN(n)) return missing(shape);
      return shape.t === 'integer' ? Math.trunc(n) : n;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : value === 'true' ? true : missing(shape);
    default:
      return value;
  }
}

/** A property with no usable value: `null` when allowed, else the example. */
function missing(shape: Shape): unknown {
  if (shape.nullable === true) return null;
  // Some schema examples break their own type (a string example for an integer).
  const example = exampleOf(shape);
  if (shape.t === 'object') return serialiseObject(isPlainObject(example) ? example : {}, shape);
  return shapeIssues(example, shape).length === 0 ? example : scalarDefault(shape);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
