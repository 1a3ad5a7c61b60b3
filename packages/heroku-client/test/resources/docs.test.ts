import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Heroku, lookupLink, routes } from '../../src/index.js';
import { exampleBody } from './example-body.js';
import { type RecordingServer, startRecordingServer } from './recording-server.js';

const docsDir = join(import.meta.dirname, '../../../docs');

interface DocCall {
  readonly page: string;
  readonly call: string;
  readonly method: string;
  readonly path: string;
}

/** Every call shown in the docs, with the method and path its table gives. */
function docCalls(): DocCall[] {
  const calls: DocCall[] = [];
  for (const page of readdirSync(docsDir).filter((f) => f.endsWith('.md'))) {
    const lines = readFileSync(join(docsDir, page), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const call = /^`(heroku\..*);`$/.exec(line)?.[1];
      const row = lines[i + 4]?.split(' | ');
      if (call === undefined || row === undefined) return;
      calls.push({ page, call, method: row[0] ?? '', path: row[1] ?? '' });
    });
  }
  return calls;
}

let server: RecordingServer;
let heroku: Heroku;

before(async () => {
  server = await startRecordingServer((method, path) => lookupLink(method, path)?.list === true);
  heroku = new Heroku({ baseUrl: server.url, token: 'docs-test-token', retry: false });
});

after(async () => {
  await heroku.close();
  await server.close();
});

test('the docs show one call for every link', () => {
  assert.equal(docCalls().length, routes.length);
});

test('every call shown in the docs sends the method and path its table gives', async () => {
  for (const doc of docCalls()) {
    const link = routes.find(
      (l) => l.method === doc.method && l.href === doc.path && doc.call.includes(`.${l.action}(`),
    );
    assert.ok(link, `${doc.page}: no link for ${doc.call}`);
    const values = new Map<string, string>();
    const code = doc.call.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'callback') return 'callback';
      if (name === 'attributes') return 'attributes';
      const value = name === 'account_self' ? '~' : `v${values.size + 1}`;
      values.set(name, value);
      return JSON.stringify(value);
    });
    const attributes = exampleBody(link.id);
    const run = new Function('heroku', 'attributes', 'callback', `return ${code}`) as (
      heroku: Heroku,
      attributes: unknown,
      callback: (error: Error | null) => void,
    ) => unknown;
    await new Promise<void>((resolve, reject) => {
      run(heroku, attributes, (error) =>
        error ? reject(new Error(`${doc.call}: ${error.message}`)) : resolve(),
      );
    });
    const sent = server.requests.at(-1);
    const expected = doc.path.replace(/\{(\w+)\}/g, (_, name: string) => values.get(name) ?? '?');
    assert.equal(sent?.method, doc.method, doc.call);
    assert.equal(sent?.url.split('?')[0], expected, doc.call);
  }
});
