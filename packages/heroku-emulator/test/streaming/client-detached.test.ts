import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ApiFixture, eventually, messagesOf, startApi, streamLogs } from './api.js';

let api: ApiFixture;
before(async () => {
  api = await startApi();
  await api.createApp('detached-app');
  await api.heroku.apps('detached-app').configVars().update({ GREETING: 'hello' });
});
after(() => api.close());

/** The app's one-off dynos and their states. */
async function oneOffs(): Promise<{ name: string; state: string }[]> {
  const dynos = await api.heroku.apps('detached-app').dynos().list();
  return dynos.filter((dyno) => dyno.name.startsWith('run.'));
}

/** Every log line of one dyno, read with the client's streamLogs. */
async function logOf(dyno: string): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of streamLogs(api.heroku, 'detached-app', { dyno, lines: 1500 })) {
    lines.push(line);
  }
  return lines;
}

test('a detached run is up, logs its output and goes with its exit status', async () => {
  const dyno = await api.heroku
    .apps('detached-app')
    .dynos()
    .create({ command: 'echo "$GREETING from $DYNO"; sleep 0.3; exit 3' });
  assert.equal(dyno.attach_url, null);
  await eventually(oneOffs, (all) => all.some((d) => d.name === dyno.name && d.state === 'up'));
  await eventually(oneOffs, (all) => !all.some((d) => d.name === dyno.name));

  const lines = await logOf(dyno.name);
  assert.deepEqual(messagesOf(lines, dyno.name), [
    `Starting process with command \`${dyno.command}\` (detached)`,
    'State changed from starting to up',
    `hello from ${dyno.name}`,
    'Process exited with status 3',
    'State changed from up to complete',
  ]);
  assert.ok(lines.some((line) => line.includes(`app[${dyno.name}]: hello from ${dyno.name}`)));
});

test('a detached run reads an empty stdin', async () => {
  const dyno = await api.heroku.apps('detached-app').dynos().create({ command: 'cat; echo done' });
  await eventually(oneOffs, (all) => !all.some((d) => d.name === dyno.name));
  const messages = messagesOf(await logOf(dyno.name), dyno.name);
  assert.deepEqual(messages.slice(2), [
    'done',
    'Process exited with status 0',
    'State changed from up to complete',
  ]);
});

test('a detached run is killed at its time_to_live', async () => {
  const dyno = await api.heroku
    .apps('detached-app')
    .dynos()
    .create({ command: 'sleep 60', time_to_live: 1 });
  await eventually(oneOffs, (all) => !all.some((d) => d.name === dyno.name));
  const messages = messagesOf(await logOf(dyno.name), dyno.name);
  assert.deepEqual(messages.slice(-3), [
    'Stopping all processes with SIGTERM',
    'Process exited with status 143',
    'State changed from up to down',
  ]);
});

test('stopping a detached run ends its command', async () => {
  const dyno = await api.heroku
    .apps('detached-app')
    .dynos()
    .create({ command: 'echo working; sleep 60; echo never' });
  await eventually(logOf.bind(null, dyno.name), (lines) =>
    lines.some((l) => l.endsWith('working')),
  );
  await api.heroku.apps('detached-app').dynos(dyno.name).stop();
  assert.ok(!(await oneOffs()).some((d) => d.name === dyno.name));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const messages = messagesOf(await logOf(dyno.name), dyno.name);
  assert.ok(!messages.includes('never'));
  assert.equal(messages.at(-1), 'State changed from up to down');
});
