/**
 * A seeded generator of malformed requests. Every request it makes is either a
 * read or carries at least one defect the API must refuse, so none of them may
 * change state: broken and deeply nested JSON, wrong types, oversized bodies and
 * headers, bad Range headers, odd identities, wrong methods, missing or odd
 * Accept, bad or missing tokens.
 */
import { seededRandom } from '../../src/faults/random.js';
import type { RawRequest } from './raw-http.js';

/** A generated request and the family of defect it belongs to. */
export interface FuzzCase extends RawRequest {
  readonly family: string;
}

/** What the generator needs to know about its target. */
export interface FuzzTarget {
  /** A valid token of an account that owns `app`. */
  readonly token: string;
  readonly app: string;
  /** Largest body the emulator accepts. */
  readonly bodyLimit: number;
}

const ACCEPT = 'application/vnd.heroku+json; version=3';

const WRITES: readonly [string, string][] = [
  ['POST', '/apps'],
  ['PATCH', '/apps/{app}'],
  ['PATCH', '/apps/{app}/config-vars'],
  ['PATCH', '/apps/{app}/formation'],
  ['POST', '/apps/{app}/dynos'],
  ['POST', '/apps/{app}/domains'],
  ['DELETE', '/apps/{app}'],
];

const LISTS = ['/apps', '/regions', '/stacks', '/apps/{app}/domains', '/addon-services'];

const ODD_IDS = [
  '%2F',
  'a%2Fb',
  '..',
  '%2e%2e',
  '.',
  '%2e',
  '..%2F..%2Faccount',
  '%00',
  '%E2%98%83',
  '%F0%9F%92%A5%F0%9F%92%A5',
  '%D8%A7%D9%84%D9%85',
  '%E2%80%AEppa',
  'e%CC%81',
  '%',
  '%ZZ',
  '~',
  '%20',
  'a;b',
  '*',
  'x'.repeat(5000),
  '%C0%AE%C0%AE',
  '%252e%252e',
];

const BAD_ACCEPTS = [
  'application/json',
  '*/*',
  'text/html',
  'application/vnd.heroku+json',
  'application/vnd.heroku+json; version=2',
  'application/vnd.heroku+json; version=4',
  'application/vnd.heroku+json; version=3.',
  'application/vnd.heroku+json; version=33',
  'application/vnd.heroku+json; version=="3"',
  '',
  ';;;,,,',
  'x'.repeat(4000),
];

const BAD_AUTH = [
  undefined,
  '',
  'Bearer',
  'Bearer ',
  'Bearer wrong-token',
  'Basic',
  'Basic !!!not-base64!!!',
  `Basic ${Buffer.from(':wrong').toString('base64')}`,
  `Basic ${Buffer.from('someone@example.com:').toString('base64')}`,
  'Token abc',
  'Bearer \u00e9\u00e8\u00ea',
  `Bearer ${'t'.repeat(3000)}`,
];

const BAD_RANGES = [
  'id ..; max=-1',
  'id ..; max=abc',
  'id ..; max=1000000',
  'nope ..',
  'id ]..; order=sideways',
  'name ..; max=10, order=desc; extra',
  ';;;',
  '..',
  'id ..\u00e9',
  'x'.repeat(3000),
  'id 1..2..3',
  'bytes=0-100',
  'id ..; max=0',
];

const WRONG_METHODS: readonly [string, string][] = [
  ['PUT', '/apps'],
  ['DELETE', '/apps'],
  ['PATCH', '/regions'],
  ['POST', '/account/rate-limits'],
  ['PUT', '/apps/{app}'],
  ['TRACE', '/apps'],
  ['OPTIONS', '/apps/{app}'],
  ['FOO', '/apps'],
  ['PROPFIND', '/apps/{app}'],
  ['CONNECT', '127.0.0.1:1'],
  ['POST', '/regions/us'],
];

/** Creates the generator; the same seed and target give the same requests. */
export function createFuzzer(seed: number, target: FuzzTarget): () => FuzzCase {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (max: number) => Math.floor(random() * max);
  const auth = { Authorization: `Bearer ${target.token}`, Accept: ACCEPT };
  const href = (path: string, app = target.app) => path.replace('{app}', app);
  const write = (): [string, string] => {
    const [method, path] = pick(WRITES);
    return [method, href(path)];
  };
  const json = { ...auth, 'Content-Type': 'application/json' };

  const families: (() => FuzzCase)[] = [
    () => {
      const [method, target] = write();
      return { family: 'broken-json', method, target, headers: json, body: brokenJson() };
    },
    () => {
      const [method, path] = pick(WRITES.slice(0, 4));
      const deep = nested(1 + int(random() < 0.2 ? 20_000 : 2_000));
      const body = path.endsWith('config-vars') ? `{"KEY":${deep}}` : `{"name":${deep}}`;
      return { family: 'deep-json', method, target: href(path), headers: json, body };
    },
    () => {
      const [method, path, body] = pick(wrongTypes());
      return { family: 'wrong-types', method, target: href(path), headers: json, body };
    },
    () => {
      const [method, path] = write();
      const body = `{"name":"big","pad":"${'x'.repeat(target.bodyLimit + int(4096))}"}`;
      return { family: 'oversized-body', method, target: path, headers: json, body };
    },
    () => {
      const [method, target] = random() < 0.5 ? write() : ['GET', '/apps'];
      const headers = { ...json, 'X-Padding': 'p'.repeat(17_000 + int(40_000)) };
      return { family: 'oversized-headers', method, target, headers, body: '{}' };
    },
    () => ({
      family: 'bad-range',
      method: 'GET',
      target: href(pick(LISTS)),
      headers: { ...auth, Range: pick(BAD_RANGES) },
    }),
    () => {
      const [method, path] = pick([...WRITES.slice(1), ['GET', '/apps/{app}/config-vars']]);
      const body = method === 'GET' || method === 'DELETE' ? undefined : '{"name":"fuzzed"}';
      return {
        family: 'odd-identity',
        method,
        target: href(path, pick(ODD_IDS)),
        headers: json,
        body,
      };
    },
    () => {
      const [method, path] = pick(WRONG_METHODS);
      return { family: 'wrong-method', method, target: href(path), headers: json, body: '{}' };
    },
    () => {
      const [method, target] = write();
      const headers: Record<string, string> = { ...json };
      const accept = pick([undefined, ...BAD_ACCEPTS]);
      if (accept === undefined) delete headers.Accept;
      else headers.Accept = accept;
      return { family: 'bad-accept', method, target, headers, body: '{"name":"nope-accept"}' };
    },
    () => {
      const [method, target] = random() < 0.7 ? write() : ['GET', '/apps'];
      const headers: Record<string, string> = { ...json };
      const value = pick(BAD_AUTH);
      if (value === undefined) delete headers.Authorization;
      else headers.Authorization = value;
      return { family: 'bad-token', method, target, headers, body: '{"name":"nope-token"}' };
    },
  ];
  return () => pick(families)();

  function brokenJson(): string {
    const valid = JSON.stringify({ name: 'broken', KEY: 'value', updates: [{ quantity: 1 }] });
    return pick([
      () => valid.slice(0, 1 + int(valid.length - 2)),
      () => `${valid},`,
      () => '{"name": "x",}',
      () => "{'name': 'x'}",
      () => 'NaN',
      () => '{"a": undefined}',
      () => Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256))).toString('latin1'),
      () => '\u0000\u0001\u0002',
      () => '{"name": "\\ud800"',
      () => '[1, 2',
      () => '"unterminated',
    ])();
  }

  function nested(depth: number): string {
    return random() < 0.5
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
  }
}

/** Bodies with the wrong type somewhere the schema is firm about it. */
function wrongTypes(): [string, string, string][] {
  return [
    ['POST', '/apps', '{"name":123}'],
    ['POST', '/apps', '{"name":true}'],
    ['POST', '/apps', '{"name":["a"]}'],
    ['POST', '/apps', '{"name":{"a":1}}'],
    ['POST', '/apps', '[]'],
    ['POST', '/apps', '"just a string"'],
    ['POST', '/apps', '42'],
    ['POST', '/apps', '{"name":"ok-name","region":17}'],
    ['PATCH', '/apps/{app}', '{"maintenance":"yes"}'],
    ['PATCH', '/apps/{app}', '{"name":9}'],
    ['PATCH', '/apps/{app}/config-vars', '{"KEY":{"nested":"x"}}'],
    ['PATCH', '/apps/{app}/config-vars', '{"KEY":["x"]}'],
    ['PATCH', '/apps/{app}/config-vars', '[1,2,3]'],
    ['PATCH', '/apps/{app}/config-vars', '"KEY=value"'],
    ['PATCH', '/apps/{app}/formation', '{"updates":"web=1"}'],
    ['PATCH', '/apps/{app}/formation', '{"updates":[{"type":1,"quantity":"abc"}]}'],
    ['PATCH', '/apps/{app}/formation', '{"updates":[{"type":"web","quantity":{"n":1}}]}'],
    ['POST', '/apps/{app}/dynos', '{"command":42}'],
    ['POST', '/apps/{app}/dynos', '{"command":"ls","env":"x"}'],
    ['POST', '/apps/{app}/domains', '{"hostname":7}'],
  ];
}
