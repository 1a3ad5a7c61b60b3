/**
 * The fluent chain at run time. The chain tree is built from the route table on
 * first use; each tree node gets one prototype holding its step methods and
 * actions, so a chain step costs one small object and no closures.
 */

import { HerokuUsageError } from '../core/errors.js';
import type { Heroku } from '../core/heroku.js';
import { routes } from '../generated/route-table.js';
import { invokeAction } from './invoke.js';
import type { LinkSpec } from './link-spec.js';
import { encodePathValue } from './path-values.js';
import { VERB_METHODS } from './verbs.js';

/** One node of the chain tree: what can follow a path, and the actions there. */
interface TreeNode {
  readonly steps: Map<string, Map<number, Edge>>;
  readonly actions: Map<string, LinkSpec>;
  proto?: object;
}

interface Edge {
  readonly segment: string;
  readonly slots: readonly string[];
  readonly node: TreeNode;
}

/** The fields every chain node carries; everything else lives on prototypes. */
export interface ChainState {
  readonly client: Heroku;
  readonly path: string;
}

const CLIENT = Symbol('heroku.client');

let root: TreeNode | undefined;

function treeNode(): TreeNode {
  return { steps: new Map(), actions: new Map() };
}

function buildTree(): TreeNode {
  const top = treeNode();
  for (const link of routes) {
    let at = top;
    let slot = 0;
    for (const step of link.chain) {
      const variants = at.steps.get(step.name) ?? new Map<number, Edge>();
      at.steps.set(step.name, variants);
      let edge = variants.get(step.params);
      if (edge === undefined) {
        const slots = link.slots.slice(slot, slot + step.params).map((s) => s.name);
        edge = { segment: step.segment, slots, node: treeNode() };
        variants.set(step.params, edge);
      }
      slot += step.params;
      at = edge.node;
    }
    at.actions.set(link.action, link);
  }
  return top;
}

/** The root of the chain tree. */
export function chainRoot(): TreeNode {
  root ??= buildTree();
  return root;
}

/** Follows one step from `path`, encoding the path values the step takes. */
function follow(client: Heroku, path: string, from: TreeNode, name: string, values: unknown[]) {
  const variants = from.steps.get(name);
  const edge = variants?.get(values.length);
  if (variants === undefined || edge === undefined) {
    const counts = [...(variants?.keys() ?? [])].sort().join(' or ');
    throw new HerokuUsageError(`${name}() takes ${counts} path value(s), not ${values.length}`);
  }
  let next = `${path}/${edge.segment}`;
  edge.slots.forEach((slot, i) => {
    next += `/${encodePathValue(values[i] as string, slot)}`;
  });
  return createNode(client, next, edge.node);
}

/** A chain node of `path` at `tree`. */
export function createNode(client: Heroku, path: string, tree: TreeNode): ChainState {
  tree.proto ??= prototypeOf(tree);
  const node = Object.create(tree.proto) as { [CLIENT]: Heroku; path: string };
  node[CLIENT] = client;
  node.path = path;
  // Frozen: a node is shared by every call made from it, so none may change its path.
  return Object.freeze(node) as unknown as ChainState;
}

function prototypeOf(tree: TreeNode): object {
  const proto: Record<string, unknown> = Object.create(VERB_METHODS);
  for (const name of tree.steps.keys()) {
    proto[name] = function step(this: { [CLIENT]: Heroku; path: string }, ...values: unknown[]) {
      return follow(this[CLIENT], this.path, tree, name, values);
    };
  }
  for (const [name, link] of tree.actions) {
    proto[name] = function action(this: { [CLIENT]: Heroku; path: string }, ...args: unknown[]) {
      return invokeAction(this[CLIENT], actionPath(this.path, link), link, args);
    };
  }
  return proto;
}

/** The client a chain node belongs to. */
export function clientOf(node: object): Heroku {
  return (node as { [CLIENT]: Heroku })[CLIENT];
}

// Dropped trailing segments (`actions/stop`, `acm`) come back here: the href
// past the node's own segments is appended verbatim.
function actionPath(nodePath: string, link: LinkSpec): string {
  const literal = link.href.split('/').length - 1;
  const taken = link.chain.reduce((n, step) => n + 1 + step.params, 0);
  if (literal === taken) return nodePath;
  return `${nodePath}/${link.href
    .split('/')
    .slice(taken + 1)
    .join('/')}`;
}

/** Root step methods for the client's prototype: `heroku.apps(...)`. */
export function rootSteps(): Map<string, (this: Heroku, ...values: unknown[]) => ChainState> {
  const top = chainRoot();
  const methods = new Map<string, (this: Heroku, ...values: unknown[]) => ChainState>();
  for (const name of top.steps.keys()) {
    methods.set(name, function step(this: Heroku, ...values: unknown[]) {
      return follow(this, '', top, name, values);
    });
  }
  return methods;
}
