import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LogSessionRequest } from '../../src/index.js';
import { deploy, type Workbench, workbench } from './helpers.js';

let bench: Workbench;
let plain: Workbench;
const sessions: LogSessionRequest[] = [];
const lines: string[] = [];
before(async () => {
  bench = await workbench({
    streaming: {
      logSessionUrl(request) {
        sessions.push(request);
        return `http://127.0.0.1:1/streams/logs/${request.sessionId}?srv=secret`;
      },
      appendLog(line) {
        lines.push(`${line.source}[${line.dyno}]: ${line.message}`);
      },
    },
  });
  plain = await workbench();
});
after(async () => {
  await bench.close();
  await plain.close();
});

test('a log session answers the logplex_url the streaming side hands out', async () => {
  await bench.heroku.apps().create({ name: 'session-app' });
  const session = await bench.heroku
    .apps('session-app')
    .logSessions()
    .create({ lines: 100, tail: true, dyno: 'web.1', source: 'app' });
  assert.equal(session.logplex_url, `http://127.0.0.1:1/streams/logs/${session.id}?srv=secret`);
  const asked = sessions.find((s) => s.sessionId === session.id);
  assert.deepEqual(
    [asked?.appName, asked?.dyno, asked?.source, asked?.lines, asked?.tail],
    ['session-app', 'web.1', 'app', 100, true],
  );
});

test('without a streaming side, logplex_url stays on the emulator', async () => {
  await plain.heroku.apps().create({ name: 'offline-logs-app' });
  const session = await plain.heroku.apps('offline-logs-app').logSessions().create({});
  assert.ok(session.logplex_url.startsWith(plain.emulator.url));
});

test('a config change is logged as app[api] with the user', async () => {
  await bench.heroku.apps().create({ name: 'log-config-app' });
  await bench.heroku.apps('log-config-app').configVars().update({ FOO: 'bar' });
  assert.ok(lines.includes('app[api]: Set FOO config vars by user user@example.com'));
  assert.ok(lines.includes('app[api]: Release v3 created by user user@example.com'));
});

test('scaling is logged with every process type, quantity and size', async () => {
  await bench.heroku.apps().create({ name: 'log-scale-app' });
  await deploy(bench.heroku, 'log-scale-app', { web: 'a', worker: 'b' });
  await bench.heroku.patch('/apps/log-scale-app/formation', {
    body: { updates: [{ type: 'web', quantity: '2', size: 'standard-2x' }] },
  });
  assert.ok(
    lines.includes('app[api]: Scaled to web@2:Standard-2X worker@0:Basic by user user@example.com'),
  );
});

test('dyno starts are logged as heroku[<dyno>] lines', async () => {
  await bench.heroku.apps().create({ name: 'log-dyno-app' });
  await deploy(bench.heroku, 'log-dyno-app', { web: 'npm start' });
  assert.ok(lines.includes('heroku[web.1]: Starting process with command `npm start`'));
});
