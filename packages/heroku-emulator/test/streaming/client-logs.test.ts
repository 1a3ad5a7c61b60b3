import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { type ApiFixture, messagesOf, startApi, streamLogs } from './api.js';

let api: ApiFixture;
let app = '';
let appId = '';
let count = 0;
before(async () => {
  api = await startApi();
});
beforeEach(async () => {
  app = `logs-app-${++count}`;
  appId = await api.createApp(app);
  api.onStream = () => {};
});
after(() => api.close());

const log = (message: string, dyno?: string) => api.log(appId, message, dyno);

/** Reads a log session to its end. */
async function read(options: Parameters<typeof streamLogs>[2] = {}): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of streamLogs(api.heroku, app, options)) lines.push(line);
  return lines;
}

test('streamLogs yields the history and ends when not tailing', async () => {
  log('one');
  log('two');
  const lines = await read();
  assert.deepEqual(messagesOf(lines), ['one', 'two']);
  const first = lines.find((line) => line.includes('app[web.1]'));
  assert.match(first ?? '', /^\d{4}-\d\d-\d\dT[\d:.]+\+00:00 app\[web\.1\]: one$/);
});

test('streamLogs reads plain-text log streams as well', async () => {
  log('plain');
  const lines = await read({ headers: { accept: 'text/plain' } });
  assert.deepEqual(messagesOf(lines), ['plain']);
  const sent = api.requests.filter((request) => request.stream).at(-1);
  assert.equal(sent?.headers.accept, 'text/plain');
});

test('the log session honours lines, dyno and source', async () => {
  log('first web line');
  log('worker line', 'worker.1');
  log('last web line');
  const lines = await read({ lines: 1, dyno: 'web', source: 'app' });
  assert.deepEqual(messagesOf(lines), ['last web line']);
  assert.equal(lines.length, 1);
});

test('lines 0 without tail gives no history at all', async () => {
  log('history');
  assert.deepEqual(await read({ lines: 0 }), []);
});

test('lines 0 with tail gives only the lines that come after it connects', async () => {
  log('history');
  api.onStream = () => setImmediate(() => log('new'));
  const controller = new AbortController();
  const lines: string[] = [];
  const options = { lines: 0, tail: true, signal: controller.signal };
  for await (const line of streamLogs(api.heroku, app, options)) {
    lines.push(line);
    controller.abort();
  }
  assert.deepEqual(messagesOf(lines), ['new']);
  assert.equal(lines.length, 1);
});

test('a tail follows new lines until the signal aborts, then ends quietly', async () => {
  log('before');
  const controller = new AbortController();
  const lines: string[] = [];
  const options = { tail: true, signal: controller.signal, dyno: 'web.1' };
  for await (const line of streamLogs(api.heroku, app, options)) {
    lines.push(line);
    if (lines.length === 1) log('after');
    else controller.abort();
  }
  assert.deepEqual(messagesOf(lines), ['before', 'after']);
});

test('a dropped tail reconnects and resumes after the last line seen', async () => {
  log('first');
  const controller = new AbortController();
  const lines: string[] = [];
  const options = { tail: true, signal: controller.signal, reconnectDelayMs: 5, dyno: 'web.1' };
  for await (const line of streamLogs(api.heroku, app, options)) {
    lines.push(line);
    if (lines.length === 1) {
      api.dropStreams();
      log('while away');
    } else if (lines.length === 2) {
      log('after return');
    } else {
      controller.abort();
    }
  }
  assert.deepEqual(messagesOf(lines), ['first', 'while away', 'after return']);
});

test('breaking out of the loop ends the stream', async () => {
  log('a');
  log('b');
  const lines: string[] = [];
  for await (const line of streamLogs(api.heroku, app, { tail: true, dyno: 'web.1' })) {
    lines.push(line);
    break;
  }
  assert.deepEqual(messagesOf(lines), ['a']);
});

test('no credential reaches the log stream URL', async () => {
  log('secret-free');
  const before = api.requests.length;
  await read({ headers: { Authorization: 'Bearer not-for-streams', 'X-Trace': '1' } });
  const sent = api.requests.slice(before).filter((request) => request.stream);
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.headers.authorization, undefined);
  assert.equal(sent[0]?.headers['x-trace'], '1');
});

test('an app name that would change the path is refused before any call', async () => {
  const before = api.requests.length;
  await assert.rejects(async () => {
    for await (const _ of streamLogs(api.heroku, '../account'));
  }, TypeError);
  assert.equal(api.requests.length, before);
});
