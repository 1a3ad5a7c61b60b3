import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MARKER, rawAttach, type StreamingFixture, startStreaming } from './support.js';

let fixture: StreamingFixture;
before(async () => {
  fixture = await startStreaming({ exec: true });
});
after(() => fixture.close());

const start = (command: string, timeToLive?: number) =>
  fixture.hooks.startOneOff({
    app: 'exec-app',
    dyno: 'run.7',
    command,
    configVars: { DATABASE_URL: 'postgres://db' },
    attach: true,
    timeToLive,
  });

test('exec mode runs the command under sh -c and reports its real status', async () => {
  const oneOff = start(`echo "$((6 * 7))"; exit 5${MARKER}`);
  const { output } = await rawAttach(oneOff.attachUrl as string, fixture.hooks, { input: '\x04' });
  assert.equal(output, '42\n\uFFFF heroku-command-exit-status: 5\n');
});

test('exec mode gives the command the config vars as environment', async () => {
  const url = start('printf "%s %s" "$DATABASE_URL" "$DYNO"').attachUrl as string;
  const { output } = await rawAttach(url, fixture.hooks, { input: '\x04' });
  assert.equal(output, 'postgres://db run.7');
});

test('exec mode pipes stdin until EOT', async () => {
  const url = start('tr a-z A-Z').attachUrl as string;
  const { output } = await rawAttach(url, fixture.hooks, { input: 'shout\n\x04' });
  assert.equal(output, 'SHOUT\n');
});

test('exec mode kills the command when the client disconnects', async () => {
  const oneOff = start('echo started; sleep 60');
  await rawAttach(oneOff.attachUrl as string, fixture.hooks, {
    onFirst: (socket) => socket.once('data', () => socket.destroy()),
  });
  assert.equal((await oneOff.exited).signal, 'SIGTERM');
});

test('exec mode kills the command at its time to live', async () => {
  const oneOff = start('sleep 60', 0.2);
  await rawAttach(oneOff.attachUrl as string, fixture.hooks);
  assert.equal((await oneOff.exited).signal, 'SIGTERM');
});

test('exec mode kills the command when the dyno is stopped', async () => {
  const oneOff = start('echo started; sleep 60');
  await rawAttach(oneOff.attachUrl as string, fixture.hooks, {
    onFirst: (socket) => socket.once('data', () => oneOff.stop()),
  });
  assert.equal((await oneOff.exited).code, 143);
});
