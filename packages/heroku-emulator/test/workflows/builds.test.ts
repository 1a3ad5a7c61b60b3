import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { eventually, tarGz, type Workbench, workbench } from './helpers.js';

let bench: Workbench;
let dir: string;
let server: Server;
let served: Buffer;
before(async () => {
  bench = await workbench();
  dir = mkdtempSync(join(tmpdir(), 'emulator-builds-'));
  server = createServer((_req, res) => res.end(served));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
  await bench.close();
});

/** Writes a tarball of `files` and returns its file:// URL and checksum. */
function sourceFile(name: string, files: Record<string, string>) {
  const bytes = tarGz(files);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const checksum = `SHA256:${createHash('sha256').update(bytes).digest('hex')}`;
  return { url: pathToFileURL(path).href, checksum };
}

async function build(app: string, source_blob: { url: string; checksum?: string }) {
  await bench.heroku.apps().create({ name: app });
  const created = await bench.heroku.apps(app).builds().create({ source_blob });
  const done = await eventually(
    () => bench.heroku.apps(app).builds(created.id).info(),
    (b) => b.status !== 'pending',
  );
  return { created, done };
}

test('a build answers pending first, then succeeds with a slug and a release', async () => {
  const source = sourceFile('ok.tgz', { Procfile: 'web: node server.js\n' });
  const { created, done } = await build('build-ok-app', source);
  assert.equal(created.status, 'pending');
  assert.equal(done.status, 'succeeded');
  const release = await bench.heroku
    .apps('build-ok-app')
    .releases(done.release?.id ?? '')
    .info();
  assert.equal(release.slug?.id, done.slug?.id);
  assert.equal(release.current, true);
});

test('process types come from the Procfile in the tarball', async () => {
  const source = sourceFile('procfile.tgz', {
    'package.json': '{}',
    Procfile: 'web: node server.js\nworker: node jobs.js\n',
  });
  const { done } = await build('build-procfile-app', source);
  const slug = await bench.heroku
    .apps('build-procfile-app')
    .slugs(done.slug?.id ?? '')
    .info();
  assert.deepEqual(slug.process_types, { web: 'node server.js', worker: 'node jobs.js' });
});

test('a Procfile under the single top directory of a GitHub tarball is found', async () => {
  const source = sourceFile('wrapped.tgz', { 'repo-abc123/Procfile': 'web: ./run\n' });
  const { done } = await build('build-wrapped-app', source);
  const slug = await bench.heroku
    .apps('build-wrapped-app')
    .slugs(done.slug?.id ?? '')
    .info();
  assert.deepEqual(slug.process_types, { web: './run' });
});

test('the formation follows the built slug', async () => {
  const source = sourceFile('formation.tgz', { Procfile: 'web: a\nclock: b\n' });
  await build('build-formation-app', source);
  const entries = await bench.heroku.apps('build-formation-app').formation().list();
  assert.deepEqual(entries.map((f) => [f.type, f.quantity]).sort(), [
    ['clock', 0],
    ['web', 1],
  ]);
});

test('a checksum that does not match fails the build and makes no release', async () => {
  const { url } = sourceFile('bad-sum.tgz', { Procfile: 'web: a\n' });
  const checksum = `SHA256:${'0'.repeat(64)}`;
  const { done } = await build('build-badsum-app', { url, checksum });
  assert.equal(done.status, 'failed');
  assert.equal(done.release, null);
  const releases = await bench.heroku.apps('build-badsum-app').releases().list();
  assert.equal(releases.length, 2);
});

test('a matching checksum is accepted', async () => {
  const source = sourceFile('good-sum.tgz', { Procfile: 'web: a\n' });
  const { done } = await build('build-goodsum-app', source);
  assert.equal(done.status, 'succeeded');
});

test('a source on a loopback http URL is fetched', async () => {
  served = tarGz({ Procfile: 'web: served\n' });
  const { port } = server.address() as AddressInfo;
  const { done } = await build('build-http-app', { url: `http://127.0.0.1:${port}/src.tgz` });
  const slug = await bench.heroku
    .apps('build-http-app')
    .slugs(done.slug?.id ?? '')
    .info();
  assert.deepEqual(slug.process_types, { web: 'served' });
});

test('a source that is not a tarball fails the build', async () => {
  const path = join(dir, 'not-a-tarball.tgz');
  writeFileSync(path, 'plain text');
  const { done } = await build('build-garbage-app', { url: pathToFileURL(path).href });
  assert.equal(done.status, 'failed');
});

test('a remote source is not fetched; a web process is assumed', async () => {
  const { done } = await build('build-remote-app', { url: 'https://example.com/source.tgz' });
  const slug = await bench.heroku
    .apps('build-remote-app')
    .slugs(done.slug?.id ?? '')
    .info();
  assert.deepEqual(Object.keys(slug.process_types), ['web']);
});

test('without a streaming side, output_stream_url stays on the emulator', async () => {
  await bench.heroku.apps().create({ name: 'build-url-app' });
  const created = await bench.heroku
    .apps('build-url-app')
    .builds()
    .create({ source_blob: { url: 'https://example.com/source.tgz' } });
  assert.ok(created.output_stream_url.startsWith(bench.emulator.url));
});
