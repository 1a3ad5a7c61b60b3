import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paginate } from '../../src/http/paginate.js';
import { parseRange } from '../../src/http/range.js';

function failure(header: string): { status: number; id: string } {
  try {
    parseRange(header);
  } catch (error) {
    const { status, id } = error as { status: number; id: string };
    return { status, id };
  }
  return { status: 0, id: 'none' };
}

test('a blank Range means no range', () => {
  assert.equal(parseRange(undefined), undefined);
  assert.equal(parseRange('  '), undefined);
});

test('the forms real clients send all parse', () => {
  const forms: [string, string, number, string][] = [
    ['id ..; max=1000', 'id', 1000, 'asc'],
    ['id ..; max=200;', 'id', 200, 'asc'],
    ['version ..; order=desc,max=1', 'version', 1, 'desc'],
    ['version ..; max=15, order=desc', 'version', 15, 'desc'],
    ['name ..; order=desc,max=10;', 'name', 10, 'desc'],
    ['id ..', 'id', 200, 'asc'],
  ];
  for (const [header, field, max, order] of forms) {
    assert.deepEqual(parseRange(header), { field, startExclusive: false, max, order }, header);
  }
});

test('a start bound written with ] is exclusive', () => {
  assert.deepEqual(parseRange('name ]collab-app..; max=1, order=asc'), {
    field: 'name',
    start: 'collab-app',
    startExclusive: true,
    max: 1,
    order: 'asc',
  });
});

test('a start bound written with [ or nothing is inclusive', () => {
  assert.equal(parseRange('id [abc..')?.startExclusive, false);
  assert.equal(parseRange('id abc..')?.start, 'abc');
});

test('a second semicolon between parameters is a 400', () => {
  assert.deepEqual(failure('version ..; max=10; order=desc'), {
    status: 400,
    id: 'bad_request',
  });
});

test('an end bound without a start bound is a 416', () => {
  assert.deepEqual(failure('version .., order=desc'), {
    status: 416,
    id: 'requested_range_not_satisfiable',
  });
});

test('parameters without a field and bounds are a 400', () => {
  assert.equal(failure('max=10').status, 400);
});

test('unknown parameters, orders and non-positive max are a 400', () => {
  assert.equal(failure('id ..; limit=3').status, 400);
  assert.equal(failure('id ..; order=sideways').status, 400);
  assert.equal(failure('id ..; max=0').status, 400);
  assert.equal(failure('id ..; max=ten').status, 400);
});

test('max above 1000 is served as 1000', () => {
  assert.equal(parseRange('id ..; max=5000')?.max, 1000);
});

const items = [
  { id: 'c', version: 3 },
  { id: 'a', version: 10 },
  { id: 'b', version: 2 },
];

test('a page with more to come is 206 with a Next-Range after its last item', () => {
  const page = paginate(items, parseRange('id ..; max=2'), ['id']);
  assert.equal(page.status, 206);
  assert.deepEqual(
    page.items.map((i) => i.id),
    ['a', 'b'],
  );
  assert.equal(page.headers['Next-Range'], 'id ]b..; max=2, order=asc');
  assert.equal(page.headers['Content-Range'], 'id a..b; max=2, order=asc');
});

test('the last page is 200 without Next-Range', () => {
  const page = paginate(items, parseRange('id ]b..; max=2, order=asc'), ['id']);
  assert.equal(page.status, 200);
  assert.deepEqual(
    page.items.map((i) => i.id),
    ['c'],
  );
  assert.equal(page.headers['Next-Range'], undefined);
});

test('numbers sort numerically and order=desc returns the newest first', () => {
  const page = paginate(items, parseRange('version ..; order=desc,max=1'), ['id', 'version']);
  assert.deepEqual(
    page.items.map((i) => i.version),
    [10],
  );
});

test('a field the list does not accept is a 416', () => {
  assert.throws(
    () => paginate(items, parseRange('name ..'), ['id', 'version']),
    (e: { status: number }) => e.status === 416,
  );
});

test('Accept-Ranges lists the fields of the list', () => {
  assert.equal(
    paginate(items, undefined, ['id', 'version']).headers['Accept-Ranges'],
    'id, version',
  );
});
