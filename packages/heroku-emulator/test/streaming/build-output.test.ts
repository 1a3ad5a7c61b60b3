import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { type StreamingFixture, startStreaming } from './support.js';

let fixture: StreamingFixture;
before(async () => {
  fixture = await startStreaming();
});
after(() => fixture.close());

/** Reads a response as it streams, calling `onChunk` with each piece of text. */
function read(url: string, headers: Record<string, string>, onChunk: (text: string) => void) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => {
        body += text;
        onChunk(text);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

test('the output stream answers 404 until the build starts', async () => {
  const output = fixture.hooks.buildOutput('build-1');
  assert.equal((await fetch(output.url)).status, 404);
});

test('the output stream sends what was written and stays open until the build ends', async () => {
  const output = fixture.hooks.buildOutput('build-2');
  output.write('-----> Building on the Heroku-24 stack\n');
  const { status, body } = await read(output.url, {}, (text) => {
    if (text.includes('Building')) {
      output.write('-----> Compressing...\n');
      output.end();
    }
  });
  assert.equal(status, 200);
  assert.equal(body, '-----> Building on the Heroku-24 stack\n-----> Compressing...\n');
});

test('a finished build streams its whole output and ends', async () => {
  const output = fixture.hooks.buildOutput('build-3');
  output.write('done\n');
  output.end();
  assert.equal(await (await fetch(output.url)).text(), 'done\n');
});

test('Range resumes the plain output at a byte offset', async () => {
  const output = fixture.hooks.buildOutput('build-4');
  output.write('first\nsecond\n');
  output.end();
  const { status, body } = await read(output.url, { range: 'bytes=6-' }, () => {});
  assert.deepEqual({ status, body }, { status: 206, body: 'second\n' });
});

test('the output is served as SSE on request', async () => {
  const output = fixture.hooks.buildOutput('build-5');
  output.write('one\ntwo');
  output.end();
  const response = await fetch(output.url, { headers: { accept: 'text/event-stream' } });
  assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
  assert.match(await response.text(), /id: 4\ndata: one\n\nid: 7\ndata: two\n\n$/);
});

test('the same build id gives the same output stream', () => {
  assert.equal(fixture.hooks.buildOutput('build-6'), fixture.hooks.buildOutput('build-6'));
});

test('paths under the prefix that name no stream get 404, others are not handled', async () => {
  const stream = await fetch(`${fixture.baseUrl}/streams/output/nothing`);
  const other = await fetch(`${fixture.baseUrl}/apps`);
  assert.deepEqual([stream.status, await stream.text()], [404, 'Stream not found or expired\n']);
  assert.equal(await other.text(), 'not a stream path');
});
