import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ApiFixture, messagesOf, startApi, streamBuildOutput, streamLogs } from './api.js';

let api: ApiFixture;
before(async () => {
  api = await startApi();
});
after(() => api.close());

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of iterable) lines.push(line);
  return lines;
}

test('a build made through the API streams its output until it ends', async () => {
  await api.createApp('built-app');
  const url = api.sourceUrl('built-app', { Procfile: 'web: node server.js\n' });
  const build = await api.heroku
    .apps('built-app')
    .builds()
    .create({ source_blob: { url, version: 'v1' } });
  const lines = await collect(streamBuildOutput(build));
  assert.equal(lines[0], '-----> Building on the heroku-24 stack');
  assert.ok(lines.includes('       Procfile declares types -> web'));
  assert.equal((await api.heroku.apps('built-app').builds(build.id).info()).status, 'succeeded');
});

test("the build's output lines reach the app's log as app[api] lines", async () => {
  await api.createApp('built-log-app');
  const url = api.sourceUrl('built-log-app', { Procfile: 'web: node server.js\n' });
  const build = await api.heroku.apps('built-log-app').builds().create({ source_blob: { url } });
  const output = await collect(streamBuildOutput(build));
  const log = await collect(streamLogs(api.heroku, 'built-log-app', { dyno: 'api' }));
  const apiLines = messagesOf(log, 'api');
  const started = apiLines.indexOf('Build started by user user@example.com');
  assert.ok(started >= 0);
  assert.deepEqual(
    apiLines.slice(started).filter((line) => output.includes(line)),
    output,
  );
  assert.equal(apiLines.at(-1), 'Build succeeded');
});

test('streamBuildOutput waits while the stream answers 404, then yields it', async () => {
  const output = api.streaming.buildOutput('waits');
  let requests = 0;
  api.onStream = () => {
    // The first request is answered 404; the build starts right after it.
    if (++requests === 1) {
      setImmediate(() => {
        output.write('-----> Building\n');
        output.end();
      });
    }
  };
  const lines = await collect(streamBuildOutput(output.url, { retryDelayMs: 5 }));
  assert.deepEqual(lines, ['-----> Building']);
  assert.ok(requests >= 2);
  api.onStream = () => {};
});

test('streamBuildOutput yields lines as they come and ends when the build ends', async () => {
  const output = api.streaming.buildOutput('live');
  output.write('step 1\n');
  const lines: string[] = [];
  for await (const line of streamBuildOutput({ output_stream_url: output.url })) {
    lines.push(line);
    if (line === 'step 1') output.write('step 2\nlast line without newline');
    if (line === 'step 2') output.end();
  }
  assert.deepEqual(lines, ['step 1', 'step 2', 'last line without newline']);
});

test('a dropped output stream resumes where it stopped', async () => {
  const output = api.streaming.buildOutput('dropped');
  output.write('before\n');
  const lines: string[] = [];
  for await (const line of streamBuildOutput(output.url, { retryDelayMs: 5 })) {
    lines.push(line);
    if (line === 'before') {
      api.dropStreams();
      output.write('after\n');
      output.end();
    }
  }
  assert.deepEqual(lines, ['before', 'after']);
});

test('a stream that never appears fails after the allowed retries', async () => {
  const output = api.streaming.buildOutput('never');
  const lines = streamBuildOutput(output.url, { retryDelayMs: 1, notFoundRetries: 2 });
  await assert.rejects(collect(lines), { name: 'OutputStreamError', status: 404 });
});

test('aborting ends the iteration quietly', async () => {
  const output = api.streaming.buildOutput('aborted');
  output.write('working\n');
  const controller = new AbortController();
  const lines: string[] = [];
  for await (const line of streamBuildOutput(output.url, { signal: controller.signal })) {
    lines.push(line);
    controller.abort();
  }
  assert.deepEqual(lines, ['working']);
});
