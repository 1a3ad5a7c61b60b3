/**
 * Writes a resource's shapes as TypeScript, each shape that stands in more than
 * one place written once as a constant. Most link targets repeat the resource's
 * own shape, and nested objects (owner, region, stack, ...) recur across links:
 * inlined, they made most of the emulator's generated code. The emulator keys
 * its serialisation caches by shape identity, so shared shapes also share work.
 */
import type { ShapeData } from './emit-shapes.js';

/** Shapes shorter than this, as JSON, stay inline: a constant would not pay. */
const MIN_SHARED_LENGTH = 120;

/** The module text for `value`: the shared constants, then `value` itself. */
export interface ShapeText {
  /** `const shapeN: Shape = ...;` declarations, each after the ones it uses. */
  readonly constants: readonly string[];
  /** `value` as a TypeScript expression that names the constants. */
  readonly expression: string;
}

/**
 * `roots` is walked as plain data; every object in it with a `t` is a shape,
 * and shapes nest through `props`, `items`, `of` and `additional`.
 */
export function shapeText(value: unknown, roots: readonly ShapeData[]): ShapeText {
  const shared = chooseShared(roots);
  const names = new Map<string, string>();
  const constants: string[] = [];
  const write = (node: unknown, indent: string, own?: string): string => {
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      const inner = `${indent} `;
      return `[\n${node.map((item) => inner + write(item, inner)).join(',\n')}\n${indent}]`;
    }
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    const key = isShape(node) ? JSON.stringify(node) : undefined;
    if (key !== undefined && key !== own && shared.has(key)) return nameOf(key, node);
    const entries = Object.entries(node);
    if (entries.length === 0) return '{}';
    const inner = `${indent} `;
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  };
  const nameOf = (key: string, node: object): string => {
    const known = names.get(key);
    if (known !== undefined) return known;
    // The name is taken before the text is written, and every shape it uses is
    // declared while writing it, so each constant comes after its parts.
    const text = write(node, '', key);
    const name = `shape${names.size + 1}`;
    names.set(key, name);
    constants.push(`const ${name}: Shape = ${text};`);
    return name;
  };
  const expression = write(value, '');
  return { constants, expression };
}

function isShape(node: object): node is ShapeData {
  return !Array.isArray(node) && typeof (node as ShapeData).t === 'string';
}

function childShapes(shape: ShapeData): ShapeData[] {
  const out: ShapeData[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'object' && value !== null && isShape(value)) out.push(value);
  };
  for (const child of Object.values((shape.props ?? {}) as Record<string, unknown>)) add(child);
  add(shape.items);
  add(shape.additional);
  for (const choice of (shape.of ?? []) as unknown[]) add(choice);
  return out;
}

/**
 * The shapes to share, by their JSON text. Largest first: once a shape is
 * shared, what lies inside it counts once, so its parts are shared only when
 * they also stand somewhere else.
 */
function chooseShared(roots: readonly ShapeData[]): Set<string> {
  const shared = new Set<string>();
  for (;;) {
    const counts = new Map<string, number>();
    const walked = new Set<string>();
    const walk = (shape: ShapeData) => {
      const key = JSON.stringify(shape);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (shared.has(key)) {
        if (walked.has(key)) return;
        walked.add(key);
      }
      for (const child of childShapes(shape)) walk(child);
    };
    for (const root of roots) walk(root);
    let best: string | undefined;
    for (const [key, count] of counts) {
      if (count < 2 || shared.has(key) || key.length < MIN_SHARED_LENGTH) continue;
      if (best === undefined || key.length > best.length) best = key;
    }
    if (best === undefined) return shared;
    shared.add(best);
  }
}
