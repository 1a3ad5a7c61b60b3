import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { formatLogLine, LogBuffer } from '../../src/streams/index.js';
import { type StreamingFixture, startStreaming } from './support.js';

let fixture: StreamingFixture;
before(async () => {
  fixture = await startStreaming();
  const at = new Date('2026-01-01T12:00:00.000Z');
  const lines = [
    { source: 'heroku', dyno: 'router', message: 'at=info method=GET path="/"' },
    { source: 'app', dyno: 'web.1', message: 'listening on 5000' },
    { source: 'app', dyno: 'web.2', message: 'listening on 5001' },
    { source: 'app', dyno: 'worker.1', message: 'working' },
  ];
  for (const line of lines) fixture.hooks.appendLog('logs-app', { ...line, time: at });
});
after(() => fixture.close());

/** GETs a URL and resolves with the status, content type and whole body. */
async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: await response.text(),
  };
}

const session = (params: { lines?: number; tail?: boolean; dyno?: string; source?: string }) =>
  fixture.hooks.createLogSession({ app: 'logs-app', ...params });

test('log lines read like Heroku: timestamp, source[dyno], message', () => {
  const line = formatLogLine({
    seq: 1,
    time: new Date('2026-01-01T12:00:00.000Z'),
    source: 'app',
    dyno: 'web.1',
    message: 'hi',
  });
  assert.equal(line, '2026-01-01T12:00:00.000000+00:00 app[web.1]: hi');
});

test('a log session is served as SSE by default, one event per line', async () => {
  const { status, type, body } = await get(session({ lines: 1 }).url);
  assert.equal(status, 200);
  assert.match(type, /^text\/event-stream/);
  assert.match(
    body,
    /^retry: \d+\n\nid: \d+\ndata: 2026-01-01T12:00:00\.000000\+00:00 app\[worker\.1\]: working\n\n$/,
  );
});

test('a log session is served as plain text with ?format=plain', async () => {
  const { type, body } = await get(`${session({ lines: 2 }).url}&format=plain`);
  assert.match(type, /^text\/plain/);
  assert.equal(
    body,
    '2026-01-01T12:00:00.000000+00:00 app[web.2]: listening on 5001\n' +
      '2026-01-01T12:00:00.000000+00:00 app[worker.1]: working\n',
  );
});

test('a log session is served as plain text to Accept: text/plain', async () => {
  const { type } = await get(session({}).url, { accept: 'text/plain' });
  assert.match(type, /^text\/plain/);
});

test('lines limits the history to the last N lines', async () => {
  const { body } = await get(`${session({ lines: 3 }).url}&format=plain`);
  assert.equal(body.trim().split('\n').length, 3);
});

test('a process type matches all its dynos, a dyno name only itself', async () => {
  const web = await get(`${session({ dyno: 'web' }).url}&format=plain`);
  const web2 = await get(`${session({ dyno: 'web.2' }).url}&format=plain`);
  assert.deepEqual(web.body.match(/\[web\.\d\]/g), ['[web.1]', '[web.2]']);
  assert.deepEqual(web2.body.match(/\[web\.\d\]/g), ['[web.2]']);
});

test('source keeps only lines from that source', async () => {
  const { body } = await get(`${session({ source: 'heroku' }).url}&format=plain`);
  assert.match(body, /^\S+ heroku\[router\]: at=info method=GET path="\/"\n$/);
});

test('a wrong or missing token gets 404', async () => {
  const url = new URL(session({}).url);
  url.searchParams.set('srv', 'guess');
  assert.equal((await get(url.href)).status, 404);
});

test('a tailing session sends the history, then pushes new lines', async () => {
  const url = `${session({ lines: 1, tail: true }).url}&format=plain`;
  const lines = await new Promise<string[]>((resolve, reject) => {
    const seen: string[] = [];
    request(url, (res) => {
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        seen.push(...text.trim().split('\n'));
        if (seen.length === 1) {
          fixture.hooks.appendLog('logs-app', { source: 'app', dyno: 'web.1', message: 'fresh' });
        } else {
          res.destroy();
          resolve(seen);
        }
      });
    })
      .on('error', reject)
      .end();
  });
  assert.match(lines[0] ?? '', /app\[worker\.1\]: working$/);
  assert.match(lines[1] ?? '', /app\[web\.1\]: fresh$/);
});

test('a reconnecting SSE reader gets the lines after its Last-Event-ID', async () => {
  const url = session({ lines: 4 }).url;
  const ids = [...(await get(url)).body.matchAll(/^id: (\d+)$/gm)].map((match) => match[1]);
  const { body } = await get(url, { 'last-event-id': ids[1] as string });
  assert.deepEqual(
    [...body.matchAll(/^id: (\d+)$/gm)].map((match) => match[1]),
    ids.slice(2),
  );
});

test('the log keeps the last 1,500 lines of an app', () => {
  const buffer = new LogBuffer();
  for (let i = 1; i <= 1600; i++)
    buffer.append('busy', { source: 'app', dyno: 'web.1', message: `${i}` });
  const kept = buffer.recent('busy', {}, 5000);
  assert.equal(kept.length, 1500);
  assert.equal(kept[0]?.message, '101');
});
