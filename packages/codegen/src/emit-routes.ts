/** The route table, the lazy validator loader, and the emulator's shapes. */
import { targetOf } from './emit-resource.js';
import { type ShapeData, shapeOf } from './emit-shapes.js';
import type { LinkModel } from './model.js';
import type { SchemaDocument } from './schema.js';
import { type ShapeNames, shapeText } from './shape-text.js';

/** The `LinkSpec` object of a link, in the route table's key order. */
export function linkSpec(link: LinkModel): Record<string, unknown> {
  return {
    id: link.id,
    resource: link.resource,
    title: link.title,
    action: link.action,
    method: link.method,
    href: link.href,
    slots: link.slots.map(({ name, resource, keys }) => ({ name, resource, keys })),
    chain: link.chain,
    rel: link.rel,
    list: link.list,
    variant: link.variant,
    statuses: link.statuses,
    hasBody: link.hasBody,
    required: link.required,
    query: link.query,
    ranges: link.ranges,
  };
}

/** Escapes text for a template literal, so the literal's value is the text itself. */
function templateText(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('`', '\\`').replaceAll('${', '\\${');
}

/**
 * `generated/route-table.ts`: one line per link. The table is a JSON text parsed
 * at import because V8 parses JSON several times faster than it compiles the
 * same object literal, and every client pays for this table when it starts.
 */
export function emitRouteTable(links: readonly LinkModel[], sha256: string): string {
  const rows = links.map((link, i) => {
    const comma = i < links.length - 1 ? ',' : '';
    return templateText(JSON.stringify(linkSpec(link))) + comma;
  });
  return [
    "import type { LinkSpec } from '../resources/link-spec.js';",
    '',
    '/** sha256 of the schema this table was generated from. */',
    `export const schemaSha256 = '${sha256}';`,
    '',
    '/** Every link of the schema, grouped by resource in name order. */',
    'export const routes: readonly LinkSpec[] = JSON.parse(`[',
    ...rows,
    ']`);',
    '',
  ].join('\n');
}

/** `generated/validators.ts`: loads a resource's validators on first use. */
export function emitValidatorLoader(resources: readonly string[]): string {
  const cases = resources.map(
    (resource) => `  ${JSON.stringify(resource)}: () => import('./resources/${resource}.js'),`,
  );
  return [
    "import type { Validator } from '../resources/validation.js';",
    '',
    'type Module = { validators: Readonly<Record<string, Validator>> };',
    '',
    'const loaders: Readonly<Record<string, () => Promise<Module>>> = {',
    ...cases,
    '};',
    '',
    '/** The validator of a link id such as `dyno.create`, importing its resource lazily. */',
    'export async function loadValidator(linkId: string): Promise<Validator | undefined> {',
    "  const load = loaders[linkId.slice(0, linkId.indexOf('.'))];",
    '  if (load === undefined) return undefined;',
    '  return (await load()).validators[linkId];',
    '}',
    '',
  ].join('\n');
}

/** A resource's shapes: its own, and its links' targets and bodies. */
export interface ResourceShapeData {
  readonly data: {
    readonly resource: ShapeData;
    readonly targets: Record<string, ShapeData>;
    readonly bodies: Record<string, ShapeData>;
  };
  /** Every shape in `data`. */
  readonly roots: readonly ShapeData[];
}

/** The shapes of `resource` and of its links. */
export function resourceShapes(
  document: SchemaDocument,
  resource: string,
  links: readonly LinkModel[],
): ResourceShapeData {
  const definition = document.definitions[resource] ?? {};
  const { links: _links, definitions: _defs, ...own } = definition;
  const targets: Record<string, ShapeData> = {};
  const bodies: Record<string, ShapeData> = {};
  for (const link of links) {
    const target = targetOf(link);
    if (target !== undefined) targets[link.id] = shapeOf(document, target);
    if (link.raw.schema !== undefined) bodies[link.id] = shapeOf(document, link.raw.schema);
  }
  const data = { resource: shapeOf(document, own), targets, bodies };
  return { data, roots: [data.resource, ...Object.values(targets), ...Object.values(bodies)] };
}

/** `shapes/<resource>.ts` of the emulator; `shared` names the constants of `shapes/shared.ts`. */
export function emitShapes(
  resource: string,
  shapes: ResourceShapeData,
  shared: ShapeNames,
): string {
  const { constants, expression, used } = shapeText(shapes.data, shapes.roots, shared);
  const usesShape = constants.length > 0;
  return [
    "import type { ResourceShapes } from '../../schema/resource-shapes.js';",
    ...(usesShape ? ["import type { Shape } from '../../schema/shape.js';"] : []),
    ...(used.length > 0 ? [`import { ${used.join(', ')} } from './shared.js';`] : []),
    '',
    ...(usesShape ? ['// Shapes that stand in more than one place below.', ...constants, ''] : []),
    `/** Shapes of the ${resource} resource and of its links' targets and bodies. */`,
    `export const shapes: ResourceShapes = ${expression};`,
    '',
  ].join('\n');
}

/** `shapes/shared.ts` of the emulator: the shapes several resources use. */
export function emitSharedShapes(constants: readonly string[]): string {
  return [
    "import type { Shape } from '../../schema/shape.js';",
    '',
    '// Shapes that several resources use, written once.',
    ...constants,
    '',
  ].join('\n');
}

/** `shapes/index.ts` of the emulator. */
export function emitShapesIndex(resources: readonly string[]): string {
  const name = (r: string) => `r_${r.replaceAll('-', '_')}`;
  return [
    "import type { ResourceShapes } from '../../schema/resource-shapes.js';",
    ...resources.map((r) => `import { shapes as ${name(r)} } from './${r}.js';`),
    '',
    '/** Shapes of every resource, by resource name. */',
    'export const shapes: Readonly<Record<string, ResourceShapes>> = {',
    ...resources.map((r) => `  ${JSON.stringify(r)}: ${name(r)},`),
    '};',
    '',
  ].join('\n');
}
