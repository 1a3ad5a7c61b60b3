import { deepEqual, equal } from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MAX, MAX_PAGE, parseRange } from '../lib/range.mjs';

test('a missing Range starts at the first item with the default page size', () => {
  deepEqual(parseRange(undefined), { exclusive: false, start: '', max: DEFAULT_MAX });
});

test('max is read from the parameters and capped at the largest page', () => {
  deepEqual(parseRange('id ..; max=1000'), { exclusive: false, start: '', max: 1000 });
  equal(parseRange('id ..; max=5000').max, MAX_PAGE);
});

test('a ] before the start id makes the start exclusive', () => {
  deepEqual(parseRange('id ]abc..; max=10'), { exclusive: true, start: 'abc', max: 10 });
  equal(parseRange('id [abc..').exclusive, false);
});

test('order=asc is accepted and a second ; or an unknown field is an error', () => {
  equal(parseRange('id ..; max=10, order=asc').max, 10);
  equal(typeof parseRange('id ..; max=10; order=desc').error, 'string');
  equal(typeof parseRange('name ..; max=10').error, 'string');
});
