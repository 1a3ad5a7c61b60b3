import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXIT_MARKER_SUFFIX, ExitMarkerFilter } from '../../src/streams/index.js';

/** Feeds chunks through a filter and returns what passed and the status found. */
function filter(chunks: (string | Buffer)[]) {
  const marker = new ExitMarkerFilter();
  const passed = chunks.map((chunk) => marker.push(Buffer.from(chunk)));
  passed.push(marker.end());
  return { output: Buffer.concat(passed).toString(), status: marker.status };
}

test('the suffix is the one the official CLI appends', () => {
  assert.equal(EXIT_MARKER_SUFFIX, ' ; echo "\uFFFF heroku-command-exit-status: $?"');
});

test('the marker line is removed and its status kept', () => {
  assert.deepEqual(filter(['hi\n\uFFFF heroku-command-exit-status: 3\n']), {
    output: 'hi\n',
    status: 3,
  });
});

test('a marker split across chunks, even inside U+FFFF, is still found', () => {
  const bytes = Buffer.from('out\n\uFFFF heroku-command-exit-status: 12\r\n');
  const chunks = [...bytes].map((byte) => Buffer.from([byte]));
  assert.deepEqual(filter(chunks), { output: 'out\n', status: 12 });
});

test('a final marker without a newline counts', () => {
  assert.deepEqual(filter(['\uFFFF heroku-command-exit-status: 0']), { output: '', status: 0 });
});

test('U+FFFF in ordinary output passes through untouched', () => {
  const text = 'a\uFFFFb\n\uFFFF not a marker\n';
  assert.deepEqual(filter([text]), { output: text, status: undefined });
});

test('output without a marker has no status', () => {
  assert.deepEqual(filter(['plain\n', 'text']), { output: 'plain\ntext', status: undefined });
});
