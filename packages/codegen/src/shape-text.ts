/**
 * Writes the emulator's shapes as TypeScript, each shape that stands in more
 * than one place written once as a constant: in `shapes/shared.ts` when
 * several resources use it (an add-on action answers add-ons, a team app is
 * an app), else in its resource's own file. Most link targets repeat their
 * resource's shape and nested objects (owner, region, stack, ...) recur:
 * inlined, they made most of the emulator's generated code. The emulator keys
 * its serialisation caches by shape identity, so shared shapes share work too.
 */
import type { ShapeData } from './emit-shapes.js';

/** Shapes shorter than this, as JSON, stay inline: a constant would not pay. */
const MIN_SHARED_LENGTH = 120;

/** Constants written once, by the JSON text of their shape. */
export type ShapeNames = ReadonlyMap<string, string>;

/** A module's shapes as TypeScript. */
export interface ShapeText {
  /** `const shapeN: Shape = ...;` declarations, each after the ones it uses. */
  readonly constants: readonly string[];
  /** The value as a TypeScript expression that names the constants. */
  readonly expression: string;
  /** The names of `external` constants the text uses, in name order. */
  readonly used: readonly string[];
}

/**
 * `value` (plain data holding the shapes `roots`) as TypeScript; shapes named
 * in `external` are referred to by those names.
 */
export function shapeText(
  value: unknown,
  roots: readonly ShapeData[],
  external: ShapeNames = new Map(),
): ShapeText {
  const writer = new Writer(chooseShared(roots, external), external, 'shape');
  const expression = writer.write(value, '');
  return { constants: writer.constants, expression, used: writer.usedExternal() };
}

/**
 * The shapes that several of `files` (each a resource's roots) use, as
 * `export const sharedN` declarations and their names.
 */
export function sharedShapes(files: readonly (readonly ShapeData[])[]): {
  readonly names: ShapeNames;
  readonly constants: readonly string[];
} {
  const chosen = chooseShared(files.flat(), new Map());
  const fileCount = new Map<string, number>();
  for (const roots of files) {
    const keys = new Set<string>();
    for (const root of roots) eachShape(root, (key) => keys.add(key));
    for (const key of keys) fileCount.set(key, (fileCount.get(key) ?? 0) + 1);
  }
  // A shape several files use, and every chosen shape inside one, since the
  // shared module cannot name a constant of a resource's file.
  const shared = new Set<string>();
  const nodes = new Map<string, ShapeData>();
  const add = (shape: ShapeData) => {
    eachShape(shape, (key, node) => {
      if (chosen.has(key)) shared.add(key);
      nodes.set(key, node);
    });
  };
  for (const roots of files) {
    for (const root of roots) {
      eachShape(root, (key, node) => {
        if (chosen.has(key) && (fileCount.get(key) ?? 0) >= 2 && !shared.has(key)) add(node);
      });
    }
  }
  const writer = new Writer(shared, new Map(), 'shared');
  for (const key of shared) writer.nameOf(key, nodes.get(key) as ShapeData);
  const constants = writer.constants.map((c) => `export ${c}`);
  return { names: writer.names, constants };
}

/** Writes data in `JSON.stringify(value, null, 1)` layout, naming the shared shapes. */
class Writer {
  readonly constants: string[] = [];
  readonly names = new Map<string, string>();
  readonly #used = new Set<string>();

  constructor(
    private readonly shared: ReadonlySet<string>,
    private readonly external: ShapeNames,
    private readonly prefix: string,
  ) {}

  write(node: unknown, indent: string, own?: string): string {
    if (Array.isArray(node)) {
      if (node.length === 0) return '[]';
      const inner = `${indent} `;
      return `[\n${node.map((item) => inner + this.write(item, inner)).join(',\n')}\n${indent}]`;
    }
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    const key = isShape(node) ? keyOf(node) : undefined;
    if (key !== undefined && key !== own) {
      const outside = this.external.get(key);
      if (outside !== undefined) {
        this.#used.add(outside);
        return outside;
      }
      if (this.shared.has(key)) return this.nameOf(key, node);
    }
    const entries = Object.entries(node);
    if (entries.length === 0) return '{}';
    const inner = `${indent} `;
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${this.write(v, inner)}`);
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }

  /** The constant of a shared shape, declared after every constant it uses. */
  nameOf(key: string, node: object): string {
    const known = this.names.get(key);
    if (known !== undefined) return known;
    const text = this.write(node, '', key);
    const name = `${this.prefix}${this.names.size + 1}`;
    this.names.set(key, name);
    this.constants.push(`const ${name}: Shape = ${text};`);
    return name;
  }

  usedExternal(): string[] {
    const number = (name: string) => Number(name.replace(/\D+/, ''));
    return [...this.#used].sort((a, b) => number(a) - number(b));
  }
}

/** JSON texts of shape objects, each computed once. */
const keys = new WeakMap<object, string>();

function keyOf(shape: ShapeData): string {
  let key = keys.get(shape);
  if (key === undefined) {
    key = JSON.stringify(shape);
    keys.set(shape, key);
  }
  return key;
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

/** Calls `visit` for `shape` and every shape inside it, with its JSON text. */
function eachShape(shape: ShapeData, visit: (key: string, node: ShapeData) => void): void {
  visit(keyOf(shape), shape);
  for (const child of childShapes(shape)) eachShape(child, visit);
}

/**
 * The shapes to write once, by their JSON text. Largest first: once a shape is
 * chosen, what lies inside it counts once, so its parts are chosen only when
 * they also stand somewhere else. Shapes in `external` are written elsewhere.
 */
function chooseShared(roots: readonly ShapeData[], external: ShapeNames): Set<string> {
  const shared = new Set<string>();
  for (;;) {
    const counts = new Map<string, number>();
    const walked = new Set<string>();
    const walk = (shape: ShapeData) => {
      const key = keyOf(shape);
      if (external.has(key)) return;
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
