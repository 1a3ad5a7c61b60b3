import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastModified } from '../../src/http/last-modified.js';

const NOW = new Date('2030-01-02T03:04:05Z');

test('Last-Modified is the newest updated_at of the items', () => {
  const items = [
    { updated_at: '2024-01-01T00:00:00Z' },
    Object.freeze({ updated_at: '2025-06-01T12:00:00Z' }),
    { updated_at: 'not a date' },
    { other: 1 },
    null,
    'text',
  ];
  assert.equal(lastModified(items, NOW), 'Sun, 01 Jun 2025 12:00:00 GMT');
  assert.equal(lastModified(items, NOW), 'Sun, 01 Jun 2025 12:00:00 GMT');
  assert.equal(lastModified(items[0], NOW), 'Mon, 01 Jan 2024 00:00:00 GMT');
});

test('Last-Modified is now when no item carries a stamp', () => {
  assert.equal(lastModified([], NOW), NOW.toUTCString());
  assert.equal(lastModified({ name: 'x' }, NOW), NOW.toUTCString());
  assert.equal(lastModified(Object.freeze({ updated_at: 12 }), NOW), NOW.toUTCString());
});

test('a list far longer than a page still answers', () => {
  const items = Array.from({ length: 200_000 }, (_, i) => ({
    updated_at: new Date(Date.UTC(2020, 0, 1) + i * 1000).toISOString(),
  }));
  assert.equal(
    lastModified(items, NOW),
    new Date(Date.UTC(2020, 0, 1) + 199_999_000).toUTCString(),
  );
});
