import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { after, before, test } from 'node:test';
import { createApi, runAttached } from './api.js';
import { type StreamingFixture, startStreaming } from './support.js';

let fixture: StreamingFixture;
let ca: Buffer;
before(async () => {
  fixture = await startStreaming();
  ca = readFileSync(fixture.hooks.caFile);
});
after(() => fixture.close());

/** Collects a run's output by iterating it. */
async function collect(iterable: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of iterable) text += chunk.toString();
  return text;
}

test('runAttached yields the output and resolves with the exit status', async () => {
  const run = runAttached(createApi(fixture), 'demo', { command: 'echo hi', ca });
  assert.equal(await collect(run), 'hi\n');
  assert.equal(await run.exitCode, 0);
});

test('a non-zero remote status is the exit code, and the marker never shows', async () => {
  const run = runAttached(createApi(fixture), 'demo', { command: 'echo bye; exit 3', ca });
  assert.equal(await collect(run), 'bye\n');
  assert.equal(await run.exitCode, 3);
});

test('the output is also a Node stream', async () => {
  const run = runAttached(createApi(fixture), 'demo', { command: 'printf "%s" "$APP_NAME"', ca });
  const chunks: Buffer[] = [];
  run.output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await finished(run.output);
  assert.equal(Buffer.concat(chunks).toString(), 'demo');
  assert.equal(await run.exitCode, 0);
});

test('stdin reaches the command and its end is sent as EOT', async () => {
  async function* lines() {
    yield 'first\n';
    yield Buffer.from('second\n');
  }
  const run = runAttached(createApi(fixture), 'demo', { command: 'cat', stdin: lines(), ca });
  assert.equal(await collect(run), 'first\nsecond\n');
});

test('the dyno is created attached, without a tty, with the marker appended', async () => {
  const api = createApi(fixture);
  await runAttached(api, 'demo', { command: 'true', env: { A: '1' }, ca }).exitCode;
  assert.deepEqual(api.posts[0], {
    path: '/apps/demo/dynos',
    body: {
      command: 'true ; echo "\uFFFF heroku-command-exit-status: $?"',
      attach: true,
      env: { A: '1' },
      force_no_tty: true,
      size: undefined,
      type: undefined,
      time_to_live: undefined,
    },
  });
});

test('with exitCode false the command is sent as is and the status is null', async () => {
  const api = createApi(fixture);
  const run = runAttached(api, 'demo', { command: 'exit 4', exitCode: false, ca });
  assert.equal(await run.exitCode, null);
  assert.equal(api.posts[0]?.body.command, 'exit 4');
});

test('aborting stops the run, rejects with the reason and stops the dyno', async () => {
  const api = createApi(fixture);
  const controller = new AbortController();
  const run = runAttached(api, 'demo', {
    command: 'echo started; sleep 60',
    signal: controller.signal,
    ca,
  });
  for await (const chunk of run.output) {
    if (chunk.toString().includes('started')) controller.abort(new Error('enough'));
  }
  await assert.rejects(run.exitCode, /enough/);
  assert.equal((await api.oneOffs[0]?.exited)?.signal, 'SIGTERM');
});

test('the certificate is checked: an untrusted CA fails the connection', async () => {
  const run = runAttached(createApi(fixture), 'demo', { command: 'echo hi' });
  await assert.rejects(run.exitCode, (error: NodeJS.ErrnoException) => {
    assert.match(error.code ?? '', /CERT|SIGNATURE|SELF_SIGNED/);
    return true;
  });
});

test('an aborted signal sends nothing at all', async () => {
  const api = createApi(fixture);
  const run = runAttached(api, 'demo', { command: 'true', signal: AbortSignal.abort(), ca });
  await assert.rejects(run.exitCode, { name: 'AbortError' });
  assert.equal(api.posts.length, 0);
});
