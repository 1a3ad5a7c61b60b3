import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSse, type SseEvent } from '../../src/streams/index.js';

async function parse(chunks: string[]) {
  async function* body() {
    for (const chunk of chunks) yield new TextEncoder().encode(chunk);
  }
  const events: SseEvent[] = [];
  let retry: number | undefined;
  for await (const event of parseSse(body(), (ms) => {
    retry = ms;
  })) {
    events.push(event);
  }
  return { events, retry };
}

test('events carry their data, event name and the last id', async () => {
  const { events } = await parse(['id: 7\ndata: one\n\nevent: note\ndata: two\n\n']);
  assert.deepEqual(events, [
    { event: 'message', data: 'one', id: '7' },
    { event: 'note', data: 'two', id: '7' },
  ]);
});

test('several data lines join with newlines, across chunk boundaries', async () => {
  const { events } = await parse(['data: a\r\nda', 'ta: b\r\n', '\r\n']);
  assert.deepEqual(events, [{ event: 'message', data: 'a\nb', id: undefined }]);
});

test('retry is reported and comments are ignored', async () => {
  const { events, retry } = await parse([': hello\nretry: 100\n\n']);
  assert.deepEqual({ events, retry }, { events: [], retry: 100 });
});

test('an event cut off by the end of the stream is dropped', async () => {
  const { events } = await parse(['data: complete\n\ndata: partial']);
  assert.deepEqual(
    events.map((event) => event.data),
    ['complete'],
  );
});
