/**
 * The fluent chain rules. A chain mirrors the href: each literal segment is a
 * method and the path values that follow it are that method's arguments. The
 * action name comes from the title. Two rules keep users from saying a word
 * twice:
 *
 * 1. A trailing `actions/<verb>` pair is dropped (`/dynos/{d}/actions/stop` →
 *    `dynos(d).stop()`).
 * 2. A trailing literal segment is dropped when the action names it: the action
 *    equals it, starts with it, or ends with it (`/apps/{a}/acm` "Enable ACM" →
 *    `apps(a).enableAcm()`; `/spaces/{s}/transfer` "transfer" → `spaces(s).transfer()`).
 *
 * A drop is undone when it would put the action next to a child method or
 * another action of the same name; the same action name twice on one chain gets
 * the resource's name appended. Every such decision is recorded.
 */
import { type Collision, describe, groupBy, type LinkModel, type Step } from './model.js';
import { capitalise, pascalCase, RESERVED_ACTIONS } from './naming.js';

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Applies the drop rules, then resolves name clashes; mutates `chain` and `action`. */
export function resolveChains(links: LinkModel[]): Collision[] {
  const out: Collision[] = [];
  const full = new Map(links.map((link) => [link, [...link.chain]]));

  for (const link of links) {
    if (RESERVED_ACTIONS.has(link.action)) {
      out.push(rename(link, `${link.action}${pascalCase(link.resource)}`, 'reserved name'));
    }
    link.chain = dropTrailing(link.chain, link.action);
  }

  // Undo a drop that makes the action clash with a child method of its node.
  const children = childNames(links);
  for (const link of links) {
    const node = nodeKey(link.chain);
    if (children.get(node)?.has(link.action) && link.chain.length < (full.get(link)?.length ?? 0)) {
      link.chain = full.get(link) ?? link.chain;
      out.push({
        kind: 'action name equals a child method',
        links: [describe(link)],
        resolution: `kept the full chain: ${chainText(link)}`,
      });
    }
  }

  for (const link of links) {
    if (VERBS.has(link.action) && link.method.toLowerCase() !== link.action) {
      out.push(rename(link, `${link.action}${pascalCase(link.resource)}`, 'plain verb clash'));
    }
  }

  for (const group of groupBy(links, (l) => `${nodeKey(l.chain)}#${l.action}`).values()) {
    if (group.length < 2) continue;
    for (const link of group.slice(1)) {
      link.action = `${link.action}${pascalCase(link.resource)}`;
    }
    out.push({
      kind: 'same action name on the same chain',
      links: group.map(describe),
      resolution: `renamed to ${group.map(chainText).join(', ')}`,
    });
  }
  return out;
}

function dropTrailing(chain: readonly Step[], action: string): Step[] {
  const steps = [...chain];
  const last = steps[steps.length - 1];
  const before = steps[steps.length - 2];
  if (last?.params === 0 && before?.segment === 'actions' && before.params === 0) {
    return steps.slice(0, -2);
  }
  if (steps.length > 1 && last?.params === 0 && namesStep(action, last.name)) {
    return steps.slice(0, -1);
  }
  return steps;
}

function namesStep(action: string, step: string): boolean {
  return action === step || action.startsWith(step) || action.endsWith(capitalise(step));
}

/** A node is identified by its steps and how many values each takes. */
export function nodeKey(chain: readonly Step[]): string {
  return chain.map((step) => `${step.name}/${step.params}`).join('.');
}

function childNames(links: readonly LinkModel[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const link of links) {
    for (let i = 0; i < link.chain.length; i++) {
      const parent = nodeKey(link.chain.slice(0, i));
      const name = link.chain[i]?.name ?? '';
      const set = map.get(parent) ?? new Set<string>();
      set.add(name);
      map.set(parent, set);
    }
  }
  return map;
}

function rename(link: LinkModel, to: string, why: string): Collision {
  const from = link.action;
  link.action = to;
  return { kind: why, links: [describe(link)], resolution: `action ${from} renamed ${to}` };
}

/** `heroku.apps(…).dynos().create()` as text, for the manifest. */
export function chainText(link: LinkModel): string {
  const steps = link.chain.map((s) => `${s.name}(${s.params > 0 ? '…' : ''})`);
  return `heroku.${[...steps, `${link.action}()`].join('.')}`;
}
