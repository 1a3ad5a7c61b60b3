/** Small hand-made schemas for the generator's tests. */
import { type LoadedSchema, parseSchema } from '../src/schema.js';

const identity = (resource: string, keys: string[]) => ({
  anyOf: keys.map((key) => ({ $ref: `#/definitions/${resource}/definitions/${key}` })),
});

const slot = (resource: string, name = 'identity') =>
  `{(${encodeURIComponent(`#/definitions/${resource}/definitions/${name}`)})}`;

/** A schema with apps, releases and dynos, and the quirks the generator must handle. */
export function tinySchema(extraLinks: Record<string, unknown[]> = {}): LoadedSchema {
  const app = `/apps/${slot('app')}`;
  const document = {
    definitions: {
      app: {
        description: 'An app.',
        type: ['object'],
        definitions: {
          id: { type: ['string'], format: 'uuid', example: '01234567-89ab-cdef-0123-456789abcdef' },
          name: { type: ['string'], pattern: '^[a-z][a-z0-9-]{1,28}[a-z0-9]$', example: 'example' },
          identity: identity('app', ['id', 'name']),
        },
        properties: {
          id: { $ref: '#/definitions/app/definitions/id' },
          name: { $ref: '#/definitions/app/definitions/name' },
        },
        links: [
          {
            title: 'Create',
            method: 'POST',
            rel: 'create',
            href: '/apps',
            targetSchema: { $ref: '#/definitions/app' },
            schema: {
              type: ['object'],
              properties: { name: { $ref: '#/definitions/app/definitions/name' } },
            },
          },
          {
            title: 'List',
            method: 'GET',
            rel: 'instances',
            href: '/apps',
            targetSchema: { type: ['array'], items: { $ref: '#/definitions/app' } },
          },
          {
            title: 'info',
            method: 'Get',
            rel: 'self',
            href: app,
            targetSchema: { $ref: '#/definitions/app' },
          },
          {
            title: 'Info',
            method: 'GET',
            rel: 'self',
            href: `/users/~/apps/${slot('app')}`,
            targetSchema: { $ref: '#/definitions/app' },
          },
          ...(extraLinks.app ?? []),
        ],
      },
      release: {
        type: ['object'],
        definitions: {
          id: { type: ['string'] },
          version: { type: ['integer'] },
          identity: identity('release', ['id', 'version']),
        },
        properties: { id: { $ref: '#/definitions/release/definitions/id' } },
        links: [
          {
            title: 'Create',
            method: 'POST',
            rel: 'create',
            href: `${app}/releases`,
            schema: {
              type: ['object'],
              properties: { slug: { type: ['string'] } },
              required: ['slug'],
            },
          },
          {
            title: 'Rollback',
            method: 'POST',
            rel: 'create',
            href: `${app}/releases`,
            schema: {
              type: ['object'],
              properties: { release: { type: ['string'] } },
              required: ['release'],
            },
          },
          {
            title: 'Info',
            method: 'GET',
            rel: 'instances',
            href: `${app}/releases/${slot('release')}`,
            targetSchema: { $ref: '#/definitions/release' },
          },
          {
            method: 'GET',
            rel: 'self',
            href: `${app}/releases`,
            targetSchema: { type: ['array'], items: { $ref: '#/definitions/release' } },
          },
          ...(extraLinks.release ?? []),
        ],
      },
      dyno: {
        type: ['object'],
        definitions: { name: { type: ['string'] }, identity: identity('dyno', ['name']) },
        links: [
          {
            title: 'Stop',
            method: 'POST',
            rel: 'empty',
            href: `${app}/dynos/${slot('dyno')}/actions/stop`,
          },
          { title: 'Restart all', method: 'DELETE', rel: 'empty', href: `${app}/dynos` },
          ...(extraLinks.dyno ?? []),
        ],
      },
    },
  };
  return parseSchema('tiny.json', JSON.stringify(document));
}
