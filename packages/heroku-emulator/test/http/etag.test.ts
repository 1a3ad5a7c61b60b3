import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { etagOf } from '../../src/http/etag.js';

const md5 = (text: string) => `"${createHash('md5').update(text).digest('hex')}"`;

test('the ETag is the quoted md5 of the body, short or long, asked once or again', () => {
  const long = 'x'.repeat(100_000);
  for (const body of ['{}', '[]', long, long, `${long}`.replace(/x$/, 'y')]) {
    assert.equal(etagOf(body), md5(body));
  }
});

test('long bodies of the same length that differ get different tags', () => {
  const bodies = Array.from(
    { length: 40 },
    (_, i) => `${String(i).padStart(2, '0')}${'z'.repeat(20_000)}`,
  );
  const tags = bodies.map(etagOf);
  assert.equal(new Set(tags).size, bodies.length);
  assert.deepEqual(bodies.map(etagOf), bodies.map(md5));
});
