import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { streamBuildOutput } from './api.js';
import { type StreamingFixture, startStreaming } from './support.js';

let onRequest: (path: string) => void = () => {};
const fixture: Promise<StreamingFixture> = startStreaming({ onRequest: (path) => onRequest(path) });
after(async () => (await fixture).close());

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of iterable) lines.push(line);
  return lines;
}

test('streamBuildOutput waits while the stream answers 404, then yields it', async () => {
  const output = (await fixture).hooks.buildOutput('waits');
  let requests = 0;
  onRequest = () => {
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
});

test('streamBuildOutput yields lines as they come and ends when the build ends', async () => {
  const output = (await fixture).hooks.buildOutput('live');
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
  const { hooks, dropConnections } = await fixture;
  const output = hooks.buildOutput('dropped');
  output.write('before\n');
  const lines: string[] = [];
  for await (const line of streamBuildOutput(output.url, { retryDelayMs: 5 })) {
    lines.push(line);
    if (line === 'before') {
      dropConnections();
      output.write('after\n');
      output.end();
    }
  }
  assert.deepEqual(lines, ['before', 'after']);
});

test('a stream that never appears fails after the allowed retries', async () => {
  const output = (await fixture).hooks.buildOutput('never');
  const lines = streamBuildOutput(output.url, { retryDelayMs: 1, notFoundRetries: 2 });
  await assert.rejects(collect(lines), { name: 'OutputStreamError', status: 404 });
});

test('aborting ends the iteration quietly', async () => {
  const output = (await fixture).hooks.buildOutput('aborted');
  output.write('working\n');
  const controller = new AbortController();
  const lines: string[] = [];
  for await (const line of streamBuildOutput(output.url, { signal: controller.signal })) {
    lines.push(line);
    controller.abort();
  }
  assert.deepEqual(lines, ['working']);
});
