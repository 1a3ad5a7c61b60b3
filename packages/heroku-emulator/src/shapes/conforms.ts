/**
 * Checks a value against a `Shape`: the emulator uses it to pick the branch of
 * a union when serialising, and its tests use it to prove every answer matches
 * the link's target schema.
 */
import type { Shape } from '../schema/shape.js';

/** A path and reason for each place `value` breaks `shape`; empty when it conforms. */
export function shapeIssues(value: unknown, shape: Shape, path = 'body'): string[] {
  if (value === null)
    return shape.nullable === true || shape.t === 'any' ? [] : [`${path} is null`];

  switch (shape.t) {
    case 'any':
      return [];
    case 'string':
    case 'boolean':
      return typeof value === shape.t ? enumIssues(value, shape.enum, path) : [`${path} type`];
    case 'integer':
      return Number.isInteger(value) ? [] : [`${path} is not an integer`];
    case 'number':
      return typeof value === 'number' ? [] : [`${path} is not a number`];
    case 'array':
      if (!Array.isArray(value)) return [`${path} is not an array`];
      return value.flatMap((item, i) => shapeIssues(item, shape.items, `${path}[${i}]`));
    case 'union':
      return shape.of.some((alt) => shapeIssues(value, alt, path).length === 0)
        ? []
        : [`${path} matches no alternative`];
    case 'object':
      return objectIssues(value, shape, path);
  }
}

function enumIssues(value: unknown, allowed: readonly unknown[] | undefined, path: string) {
  return allowed === undefined || allowed.includes(value) ? [] : [`${path} is not in its enum`];
}

function objectIssues(value: unknown, shape: Shape & { t: 'object' }, path: string): string[] {
  if (typeof value !== 'object' || Array.isArray(value) || value === null) {
    return [`${path} is not an object`];
  }
  const record = value as Record<string, unknown>;
  const issues: string[] = [];
  for (const [key, propShape] of Object.entries(shape.props)) {
    if (!Object.hasOwn(record, key)) issues.push(`${path}.${key} is missing`);
    else issues.push(...shapeIssues(record[key], propShape, `${path}.${key}`));
  }
  return issues;
}
