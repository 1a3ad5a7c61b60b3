import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createApi, streamLogs } from './api.js';
import { type StreamingFixture, startStreaming } from './support.js';

let fixture: StreamingFixture;
let app = 0;
before(async () => {
  fixture = await startStreaming();
});
beforeEach(() => {
  app++;
});
after(() => fixture.close());

const log = (message: string, dyno = 'web.1') =>
  fixture.hooks.appendLog(`app-${app}`, { source: 'app', dyno, message });
const messages = (lines: string[]) => lines.map((line) => line.replace(/^.*?\]: /, ''));

test('streamLogs yields the history and ends when not tailing', async () => {
  log('one');
  log('two');
  const lines: string[] = [];
  for await (const line of streamLogs(createApi(fixture), `app-${app}`)) lines.push(line);
  assert.deepEqual(messages(lines), ['one', 'two']);
  assert.match(lines[0] ?? '', /^\d{4}-\d\d-\d\dT[\d:.]+\+00:00 app\[web\.1\]: one$/);
});

test('streamLogs reads plain-text log streams as well', async () => {
  log('plain');
  const lines: string[] = [];
  for await (const line of streamLogs(createApi(fixture, 'plain'), `app-${app}`)) lines.push(line);
  assert.deepEqual(messages(lines), ['plain']);
});

test('the log session asks for lines, tail, dyno and source', async () => {
  const api = createApi(fixture);
  const options = { lines: 5, dyno: 'web', source: 'app' };
  for await (const _ of streamLogs(api, `app-${app}`, options)) break;
  assert.deepEqual(api.posts[0]?.body, { ...options, tail: false });
});

test('a tail follows new lines until the signal aborts, then ends quietly', async () => {
  log('before');
  const controller = new AbortController();
  const lines: string[] = [];
  const options = { tail: true, signal: controller.signal };
  for await (const line of streamLogs(createApi(fixture), `app-${app}`, options)) {
    lines.push(line);
    if (lines.length === 1) log('after');
    else controller.abort();
  }
  assert.deepEqual(messages(lines), ['before', 'after']);
});

test('a dropped tail reconnects and resumes after the last line seen', async () => {
  log('first');
  const controller = new AbortController();
  const lines: string[] = [];
  const options = { tail: true, signal: controller.signal, reconnectDelayMs: 5 };
  for await (const line of streamLogs(createApi(fixture), `app-${app}`, options)) {
    lines.push(line);
    if (lines.length === 1) {
      fixture.dropConnections();
      log('while away');
    } else if (lines.length === 2) {
      log('after return');
    } else {
      controller.abort();
    }
  }
  assert.deepEqual(messages(lines), ['first', 'while away', 'after return']);
});

test('breaking out of the loop ends the stream', async () => {
  log('a');
  log('b');
  const lines: string[] = [];
  for await (const line of streamLogs(createApi(fixture), `app-${app}`, { tail: true })) {
    lines.push(line);
    break;
  }
  assert.deepEqual(messages(lines), ['a']);
});

test('no credential reaches the log stream URL', async () => {
  log('secret-free');
  const before = fixture.requests.length;
  const options = { headers: { Authorization: 'Bearer not-for-streams', 'X-Trace': '1' } };
  for await (const _ of streamLogs(createApi(fixture), `app-${app}`, options));
  const sent = fixture.requests.slice(before);
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.authorization, undefined);
  assert.equal(sent[0]?.['x-trace'], '1');
});

test('an app name that would change the path is refused before any call', async () => {
  const api = createApi(fixture);
  await assert.rejects(async () => {
    for await (const _ of streamLogs(api, '../account'));
  }, TypeError);
  assert.equal(api.posts.length, 0);
});
