import assert from 'node:assert/strict';
import { finished } from 'node:stream/promises';
import { after, before, test } from 'node:test';
import { type ApiFixture, eventually, runAttached, startApi, streamLogs } from './api.js';

let api: ApiFixture;
before(async () => {
  api = await startApi();
  await api.createApp('demo');
});
after(() => api.close());

/** Collects a run's output by iterating it. */
async function collect(iterable: AsyncIterable<Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of iterable) text += chunk.toString();
  return text;
}

/** The names of the app's one-off dynos. */
async function oneOffs(): Promise<string[]> {
  const dynos = await api.heroku.apps('demo').dynos().list();
  return dynos.map((dyno) => dyno.name).filter((name) => name.startsWith('run.'));
}

test('runAttached yields the output and resolves with the exit status', async () => {
  const run = runAttached(api.heroku, 'demo', { command: 'echo hi', ca: api.ca });
  assert.equal(await collect(run), 'hi\n');
  assert.equal(await run.exitCode, 0);
});

test('a non-zero remote status is the exit code, and the marker never shows', async () => {
  const run = runAttached(api.heroku, 'demo', { command: 'echo bye; exit 3', ca: api.ca });
  assert.equal(await collect(run), 'bye\n');
  assert.equal(await run.exitCode, 3);
});

test('the output is also a Node stream, and the command sees its dyno name', async () => {
  const run = runAttached(api.heroku, 'demo', { command: 'printf "%s" "$DYNO"', ca: api.ca });
  const chunks: Buffer[] = [];
  run.output.on('data', (chunk: Buffer) => chunks.push(chunk));
  await finished(run.output);
  assert.equal(Buffer.concat(chunks).toString(), (await run.dyno).name);
  assert.equal(await run.exitCode, 0);
});

test('stdin reaches the command and its end is sent as EOT', async () => {
  async function* lines() {
    yield 'first\n';
    yield Buffer.from('second\n');
  }
  const run = runAttached(api.heroku, 'demo', { command: 'cat', stdin: lines(), ca: api.ca });
  assert.equal(await collect(run), 'first\nsecond\n');
});

test('the dyno is created attached with the marker appended and env passed on', async () => {
  const run = runAttached(api.heroku, 'demo', {
    command: 'printf "%s" "$A"',
    env: { A: '1' },
    ca: api.ca,
  });
  const dyno = await run.dyno;
  assert.equal(dyno.command, 'printf "%s" "$A" ; echo "\uFFFF heroku-command-exit-status: $?"');
  assert.match(String(dyno.attach_url), /^rendezvous:\/\/127\.0\.0\.1:\d+\/[0-9a-f]+$/);
  assert.equal(await collect(run), '1');
});

test('with exitCode false the command is sent as is and the status is null', async () => {
  const run = runAttached(api.heroku, 'demo', { command: 'exit 4', exitCode: false, ca: api.ca });
  assert.equal(await run.exitCode, null);
  assert.equal((await run.dyno).command, 'exit 4');
});

test('an attached dyno leaves the dyno list when its command exits', async () => {
  const run = runAttached(api.heroku, 'demo', { command: 'exit 5', ca: api.ca });
  const { name } = await run.dyno;
  assert.equal(await run.exitCode, 5);
  await eventually(oneOffs, (names) => !names.includes(String(name)));
  const lines: string[] = [];
  for await (const line of streamLogs(api.heroku, 'demo', { dyno: String(name) })) {
    lines.push(line);
  }
  assert.ok(lines.some((line) => line.endsWith(`heroku[${name}]: Process exited with status 5`)));
});

test('aborting stops the run, rejects with the reason and stops the dyno', async () => {
  const controller = new AbortController();
  const run = runAttached(api.heroku, 'demo', {
    command: 'echo started; sleep 60',
    signal: controller.signal,
    ca: api.ca,
  });
  for await (const chunk of run.output) {
    if (chunk.toString().includes('started')) controller.abort(new Error('enough'));
  }
  await assert.rejects(run.exitCode, /enough/);
  const { name } = await run.dyno;
  await eventually(oneOffs, (names) => !names.includes(String(name)));
});

test('the certificate is checked: an untrusted CA fails the connection', async () => {
  const run = runAttached(api.heroku, 'demo', { command: 'echo hi' });
  await assert.rejects(run.exitCode, (error: NodeJS.ErrnoException) => {
    assert.match(error.code ?? '', /CERT|SIGNATURE|SELF_SIGNED/);
    return true;
  });
});

test('an aborted signal sends nothing at all', async () => {
  const before = api.requests.length;
  const run = runAttached(api.heroku, 'demo', {
    command: 'true',
    signal: AbortSignal.abort(),
    ca: api.ca,
  });
  await assert.rejects(run.exitCode, { name: 'AbortError' });
  assert.equal(api.requests.length, before);
});
