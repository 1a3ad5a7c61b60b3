import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chainText } from '../src/chains.js';
import { resultSchema, targetOf } from '../src/emit-resource.js';
import { emitRouteTable, linkSpec } from '../src/emit-routes.js';
import { buildModel, type LinkModel } from '../src/model.js';
import { tinySchema } from './fixtures.js';

function model(extra?: Record<string, unknown[]>) {
  return buildModel(tinySchema(extra).document, null);
}

function link(links: readonly LinkModel[], id: string): LinkModel {
  const found = links.find((l) => l.id === id);
  assert.ok(found, `no link ${id} in ${links.map((l) => l.id).join(', ')}`);
  return found;
}

test('href placeholders become named slots that know their identity keys', () => {
  const { links } = model();
  const info = link(links, 'release.info');
  assert.equal(info.href, '/apps/{app_id_or_name}/releases/{release_id_or_version}');
  assert.deepEqual(
    info.slots.map((s) => [s.name, s.resource, s.keys]),
    [
      ['app_id_or_name', 'app', ['id', 'name']],
      ['release_id_or_version', 'release', ['id', 'version']],
    ],
  );
});

test('a literal ~ is a path slot that accepts only self', () => {
  const { links } = model();
  const mine = links.find((l) => l.href.startsWith('/users/~'));
  assert.deepEqual(mine?.slots[0], {
    name: 'account_self',
    resource: 'account',
    keys: ['self'],
    pointer: '~',
  });
  assert.deepEqual(
    mine?.chain.map((s) => [s.name, s.params]),
    [
      ['users', 1],
      ['apps', 1],
    ],
  );
});

test('method case is normalised', () => {
  const { links } = model();
  assert.equal(link(links, 'app.info').method, 'GET');
});

test('list-ness comes from the target schema, not from rel', () => {
  const { links } = model();
  assert.equal(link(links, 'app.list').list, true);
  assert.equal(link(links, 'release.info').list, false, 'rel instances but a single object');
  assert.equal(link(links, 'release.list').list, true, 'rel self but an array');
  assert.deepEqual(link(links, 'release.list').statuses, [200, 206]);
});

test('a target with items but no type is a list; without a target, rel instances is', () => {
  const { links } = model({
    app: [
      {
        title: 'Sizes',
        method: 'GET',
        rel: 'instances',
        href: '/sizes',
        targetSchema: { items: {} },
      },
      { title: 'Archives', method: 'GET', rel: 'instances', href: '/archives' },
      { title: 'Archive', method: 'GET', rel: 'self', href: '/archive' },
      { title: 'Purge', method: 'DELETE', rel: 'empty', href: '/cache' },
    ],
  });
  assert.equal(link(links, 'app.sizes').list, true);
  assert.deepEqual(link(links, 'app.sizes').statuses, [200, 206]);
  assert.equal(link(links, 'app.archives').list, true);
  assert.equal(link(links, 'app.archive').list, false);
  const document = tinySchema().document;
  assert.deepEqual(resultSchema(document, link(links, 'app.archives')), {
    $ref: '#/definitions/app',
  });
  assert.deepEqual(targetOf(link(links, 'app.archive')), { $ref: '#/definitions/app' });
  assert.equal(targetOf(link(links, 'app.purge')), undefined);
});

test('statuses follow the kind of link', () => {
  const { links } = model();
  assert.deepEqual(link(links, 'app.create').statuses, [201]);
  assert.deepEqual(link(links, 'dyno.stop').statuses, [202]);
  assert.deepEqual(link(links, 'app.info').statuses, [200]);
});

test('a trailing actions/<verb> pair is not said twice', () => {
  const { links } = model();
  assert.equal(chainText(link(links, 'dyno.stop')), 'heroku.apps(…).dynos(…).stop()');
  assert.equal(chainText(link(links, 'dyno.restartAll')), 'heroku.apps(…).dynos().restartAll()');
});

test('one method and href shared by two links keeps both, named by title', () => {
  const { links, collisions } = model();
  assert.equal(chainText(link(links, 'release.create')), 'heroku.apps(…).releases().create()');
  assert.equal(chainText(link(links, 'release.rollback')), 'heroku.apps(…).releases().rollback()');
  assert.ok(collisions.some((c) => c.kind === 'same method and href' && c.links.length === 2));
});

test('a missing title is derived from the method and target, and recorded', () => {
  const { links, collisions } = model();
  assert.equal(link(links, 'release.list').title, 'List');
  assert.ok(collisions.some((c) => c.kind === 'missing title'));
});

test('titles that differ only in case get one action name, recorded', () => {
  const { links, collisions } = model();
  assert.equal(link(links, 'app.info').action, 'info');
  assert.ok(collisions.some((c) => c.kind === 'titles that differ only in case'));
});

test('the same action name twice on one chain is renamed, recorded', () => {
  const clash = { title: 'List', method: 'GET', href: '/apps', targetSchema: { type: ['array'] } };
  const { links, collisions } = model({ dyno: [clash] });
  const actions = links.filter((l) => chainText(l).startsWith('heroku.apps().list'));
  assert.deepEqual(actions.map((l) => l.action).sort(), ['list', 'listDyno']);
  assert.ok(collisions.some((c) => c.kind === 'same action name on the same chain'));
});

test('an action may not be named then, which would make a chain node thenable', () => {
  const then = { title: 'Then', method: 'POST', href: '/apps/later' };
  const { links } = model({ app: [then] });
  assert.ok(links.every((l) => l.action !== 'then'));
});

test('ids are unique, numbered in schema order when a resource repeats an action', () => {
  const again = { title: 'Info', method: 'GET', href: '/apps/other' };
  const { links } = model({ app: [again] });
  const ids = links.map((l) => l.id);
  assert.equal(new Set(ids).size, ids.length);
  assert.ok(ids.includes('app.info2'));
});

test('the route table text reads back as the same link specs, whatever a title holds', async () => {
  const { links } = model();
  const [first, ...rest] = links;
  assert.ok(first);
  // The ${ is meant literally: the table must not read it as a placeholder.
  const odd = { ...first, title: ['Back`tick \\ and $', '{template} "quoted"'].join('') };
  const source = emitRouteTable([odd, ...rest], 'sha')
    .replace(/^import type .*$/m, '')
    .replace(': readonly LinkSpec[]', '');
  const url = `data:text/javascript,${encodeURIComponent(source)}`;
  const { routes } = (await import(url)) as { routes: unknown[] };
  assert.deepEqual(routes, [odd, ...rest].map(linkSpec));
});
