/**
 * The fluent chain's types: one interface per node of the chain tree, whose
 * methods are the child steps and the actions reachable there. Types only: at
 * run time the chain is built from the route table.
 */
import { nodeKey } from './chains.js';
import { linkTypePrefix } from './emit-resource.js';
import { docComment } from './emit-types.js';
import type { LinkModel, Step } from './model.js';
import { pascalCase } from './naming.js';

interface Node {
  readonly key: string;
  readonly steps: Step[];
  readonly children: Map<string, Map<number, Node>>;
  readonly actions: LinkModel[];
  slotNames: string[];
}

const VERBS = ['get', 'post', 'put', 'patch', 'delete'];

/** Builds the chain tree of all links. */
export function chainTree(links: readonly LinkModel[]): Map<string, Node> {
  const nodes = new Map<string, Node>();
  const nodeAt = (steps: Step[]): Node => {
    const key = nodeKey(steps);
    let node = nodes.get(key);
    if (node === undefined) {
      node = { key, steps, children: new Map(), actions: [], slotNames: [] };
      nodes.set(key, node);
    }
    return node;
  };

  for (const link of links) {
    let parent = nodeAt([]);
    let slot = 0;
    link.chain.forEach((step, i) => {
      const child = nodeAt(link.chain.slice(0, i + 1));
      const names = link.slots.slice(slot, slot + step.params).map((s) => s.name);
      if (child.slotNames.length === 0) child.slotNames = names;
      slot += step.params;
      const variants = parent.children.get(step.name) ?? new Map<number, Node>();
      variants.set(step.params, child);
      parent.children.set(step.name, variants);
      parent = child;
    });
    parent.actions.push(link);
  }
  return nodes;
}

/** The interface name of a node: `/apps/{a}/dynos` → `AppsItemDynosNode`. */
export function nodeTypeName(node: Node): string {
  if (node.steps.length === 0) return 'HerokuRoot';
  const parts = node.steps.map(
    (s) => `${pascalCase(s.name)}${['', 'Item', 'Items'][s.params] ?? ''}`,
  );
  return `${parts.join('')}Node`;
}

/** `generated/chains.ts`. */
export function emitChains(links: readonly LinkModel[]): string {
  const nodes = [...chainTree(links).values()].sort((a, b) => a.key.localeCompare(b.key));
  const resources = [...new Set(links.map((l) => l.resource))].sort();
  const imports = resources.map(
    (r) => `import type * as ${namespace(r)} from './resources/${r}.js';`,
  );
  return [
    "import type { Callback, CallOptions, FluentNode, ListResult, PathValue, ResultPromise } from '../resources/call-types.js';",
    ...imports,
    '',
    ...nodes.map(emitNode),
  ].join('\n');
}

function namespace(resource: string): string {
  return `r_${resource.replaceAll('-', '_')}`;
}

function emitNode(node: Node): string {
  const overridden = VERBS.filter((verb) => node.actions.some((a) => a.action === verb));
  const base =
    overridden.length === 0
      ? 'FluentNode'
      : `Omit<FluentNode, ${overridden.map((v) => `'${v}'`).join(' | ')}>`;
  const members: string[] = [];
  for (const [name, variants] of [...node.children].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [params, child] of [...variants].sort(([a], [b]) => a - b)) {
      const args = child.slotNames.map((slot) => `${slot}: PathValue`).join(', ');
      const doc = docComment(
        `The \`${child.steps.at(-1)?.segment}\` segment${params ? ' with its path value' : ''}.`,
        '  ',
      );
      members.push(`${doc}  ${name}(${args}): ${nodeTypeName(child)};`);
    }
  }
  for (const link of node.actions) members.push(actionMembers(link));
  const doc = docComment(
    `The chain node of \`/${node.steps.map((s) => s.segment).join('/')}\`.`,
    '',
  );
  return `${doc}export interface ${nodeTypeName(node)} extends ${base} {\n${members.join('\n\n')}\n}\n`;
}

function actionMembers(link: LinkModel): string {
  const ns = namespace(link.resource);
  const prefix = `${ns}.${linkTypePrefix(link)}`;
  const item = `${prefix}Result`;
  const returns = link.list ? `ListResult<${item}>` : `ResultPromise<${item}>`;
  const value = link.list ? `${item}[]` : item;
  const lines = [`\`${link.method} ${link.href}\``, `Link \`${link.id}\` (${link.title}).`];
  const doc = docComment(link.raw.description, '  ', ['', ...lines]);
  const cb = `callback?: Callback<${value}>`;
  const name = link.action;
  const sigs: string[] = [];
  if (link.raw.schema !== undefined) {
    const optional = link.required.length === 0 ? '?' : '';
    sigs.push(`${name}(body${optional}: ${prefix}Body, ${cb}): ${returns};`);
    sigs.push(`${name}(body: ${prefix}Body, options: CallOptions, ${cb}): ${returns};`);
    if (optional) sigs.push(`${name}(callback: Callback<${value}>): ${returns};`);
  } else {
    sigs.push(`${name}(${cb}): ${returns};`);
    sigs.push(`${name}(options: CallOptions, ${cb}): ${returns};`);
  }
  return `${doc}${sigs.map((s) => `  ${s}`).join('\n')}`;
}
