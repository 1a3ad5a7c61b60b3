import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { startEmulator } from 'heroku-emulator';

const cli = resolve(import.meta.dirname, '../src/cli.js');

test('--url reads the live schema an API serves at /schema', async () => {
  const emulator = await startEmulator({ port: 0 });
  const out = await mkdtemp(join(tmpdir(), 'codegen-'));
  try {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, [
      cli,
      '--url',
      emulator.url,
      '--variant',
      '3.sdk',
      '--out',
      out,
    ]);
    assert.match(stdout, /338 links over 118 resources/);
    const manifest = JSON.parse(
      await readFile(join(out, 'packages/heroku-client/src/generated/manifest.json'), 'utf8'),
    );
    assert.equal(
      manifest.sha256,
      'a742c41c1a3362fc4cb5a202532ed852d1eaaf3f75917627cd7b593c6215e3c5',
    );
  } finally {
    await rm(out, { recursive: true, force: true });
    await emulator.stop();
  }
});

test('an unreachable schema URL is a clear error and writes nothing', async () => {
  const out = await mkdtemp(join(tmpdir(), 'codegen-'));
  try {
    const run = promisify(execFile);
    const failed = await run(process.execPath, [
      cli,
      '--url',
      'http://127.0.0.1:9',
      '--out',
      out,
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(failed?.code, 1);
    assert.match(failed?.stderr ?? '', /^generate: /);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
