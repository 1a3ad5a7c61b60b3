import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MARKER, rawAttach, type StreamingFixture, startStreaming } from './support.js';

let fixture: StreamingFixture;
before(async () => {
  fixture = await startStreaming();
});
after(() => fixture.close());

const start = (command: string, extra: { tty?: boolean; timeToLive?: number } = {}) =>
  fixture.hooks.startOneOff({
    app: 'app-id',
    dyno: 'run.1',
    command,
    configVars: { GREETING: 'hello' },
    env: { TERM: 'xterm' },
    attach: true,
    ...extra,
  });

test('attach_url is rendezvous://127.0.0.1:<port>/<secret>', () => {
  const oneOff = start('true');
  assert.match(oneOff.attachUrl ?? '', /^rendezvous:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}$/);
  oneOff.stop();
});

test('the greeting arrives alone, before any output', async () => {
  const { chunks } = await rawAttach(start('echo hi').attachUrl as string, fixture.hooks, {
    input: '\x04',
  });
  assert.equal(chunks[0], 'rendezvous\r\n');
  assert.equal(chunks.slice(1).join(''), 'hi\n');
});

test('the connection closes when the process exits, with the marker carrying its status', async () => {
  const oneOff = start(`exit 3${MARKER}`);
  const { output } = await rawAttach(oneOff.attachUrl as string, fixture.hooks, { input: '\x04' });
  assert.equal(output, '\uFFFF heroku-command-exit-status: 3\n');
  assert.equal((await oneOff.exited).code, 3);
});

test('a secret works once', async () => {
  const url = start('echo once').attachUrl as string;
  const first = await rawAttach(url, fixture.hooks, { input: '\x04' });
  const second = await rawAttach(url, fixture.hooks);

  assert.equal(first.output, 'once\n');
  assert.deepEqual(second.chunks, []);
});

test('an unknown secret gets the connection closed without a greeting', async () => {
  const url = start('true').attachUrl as string;
  const { chunks } = await rawAttach(url, fixture.hooks, { secretLine: 'not-a-secret\r\n' });
  assert.deepEqual(chunks, []);
});

test('a secret line ending in a bare newline and carrying a query is accepted', async () => {
  const url = new URL(start('echo ok').attachUrl as string);
  const { output } = await rawAttach(url.href, fixture.hooks, {
    secretLine: `${url.pathname.slice(1)}?extra=1\n`,
    input: '\x04',
  });
  assert.equal(output, 'ok\n');
});

test('EOT from the client ends stdin, and nothing after it reaches the process', async () => {
  const { output } = await rawAttach(start('cat; echo done').attachUrl as string, fixture.hooks, {
    input: 'piped\ninput\n\x04ignored',
  });
  assert.equal(output, 'piped\ninput\ndone\n');
});

test('config vars and the request env reach the command', async () => {
  const url = start('echo $GREETING $TERM $DYNO').attachUrl as string;
  const { output } = await rawAttach(url, fixture.hooks, { input: '\x04' });
  assert.equal(output, 'hello xterm run.1\n');
});

test('Ctrl-C (0x03) interrupts the command', async () => {
  const oneOff = start(`sleep 60${MARKER}`);
  const { output } = await rawAttach(oneOff.attachUrl as string, fixture.hooks, { input: '\x03' });
  assert.equal(output, '\uFFFF heroku-command-exit-status: 130\n');
});

test('the dyno stops when its client disconnects', async () => {
  const oneOff = start('sleep 60');
  await rawAttach(oneOff.attachUrl as string, fixture.hooks, {
    onFirst: (socket) => socket.destroy(),
  });
  assert.deepEqual(await oneOff.exited, { code: 143, signal: 'SIGTERM' });
  assert.equal(oneOff.state, 'down');
});

test('the dyno stops when its time to live runs out', async () => {
  const oneOff = start('sleep 60', { timeToLive: 0.01 });
  await rawAttach(oneOff.attachUrl as string, fixture.hooks);
  assert.equal((await oneOff.exited).signal, 'SIGTERM');
});

test('stopping a dyno nobody attached to ends it and voids its secret', async () => {
  const oneOff = start('echo never');
  oneOff.stop();
  assert.equal((await oneOff.exited).code, 143);
});

test('with a terminal, input is echoed and output lines end in \\r\\n', async () => {
  const url = start('cat', { tty: true }).attachUrl as string;
  const { output } = await rawAttach(url, fixture.hooks, { input: 'ab\x7fc\r\x04' });
  assert.equal(output, 'ab\b \bc\r\nac\r\n');
});

test('the app log records the dyno start, its output and its exit', async () => {
  const oneOff = start('echo logged');
  await rawAttach(oneOff.attachUrl as string, fixture.hooks, { input: '\x04' });
  await oneOff.exited;
  const session = fixture.hooks.createLogSession({ app: 'app-id', lines: 1500 });
  const text = await (await fetch(`${session.url}&format=plain`)).text();

  assert.match(text, /heroku\[run\.1\]: Starting process with command `echo logged`\n/);
  assert.match(text, /app\[run\.1\]: logged\n/);
  assert.match(text, /heroku\[run\.1\]: Process exited with status 0\n/);
});
