import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shapes } from '../../src/generated/shapes/index.js';
import type { Shape } from '../../src/schema/shape.js';
import { answerText, serialiseAnswer } from '../../src/shapes/answer-cache.js';
import { serialise } from '../../src/shapes/serialise.js';
import { MemoryStore } from '../../src/store/index.js';

const appShape = shapes.app?.targets['app.info'] as Shape;
const listShape = shapes.app?.targets['app.list'] as Shape;

function storedApp(store: MemoryStore, id: string, name: string) {
  store.put({
    collection: 'app',
    id,
    data: { id, name, maintenance: 'true' },
    parents: {},
    owner: 'a',
  });
  return store.get('app', id)?.data;
}

test('a stored record answers exactly as serialise and JSON.stringify would, every time', () => {
  const store = new MemoryStore();
  const data = storedApp(store, 'a1', 'alpha');
  const expected = serialise(data, appShape);
  assert.deepEqual(serialiseAnswer(data, appShape), expected);
  assert.equal(serialiseAnswer(data, appShape), serialiseAnswer(data, appShape));
  assert.equal(answerText(serialiseAnswer(data, appShape)), JSON.stringify(expected));
});

test('a list answers as serialise and JSON.stringify would, mixing stored and fresh items', () => {
  const store = new MemoryStore();
  const items = [storedApp(store, 'a1', 'alpha'), { id: 'a2', name: 'fresh' }, null, 'text'];
  const expected = serialise(items, listShape);
  assert.deepEqual(serialiseAnswer(items, listShape), expected);
  assert.equal(answerText(serialiseAnswer(items, listShape)), JSON.stringify(expected));
  assert.equal(answerText(['a', undefined, 3]), JSON.stringify(['a', undefined, 3]));
});

test('a replaced record answers with its new data', () => {
  const store = new MemoryStore();
  const before = serialiseAnswer(storedApp(store, 'a1', 'alpha'), appShape);
  const after = serialiseAnswer(storedApp(store, 'a1', 'renamed'), appShape);
  assert.equal((before as { name: string }).name, 'alpha');
  assert.equal((after as { name: string }).name, 'renamed');
});

test('the same data answers under each shape it is asked for', () => {
  const store = new MemoryStore();
  const data = storedApp(store, 'a1', 'alpha');
  const other: Shape = { t: 'object', props: { name: { t: 'string' } }, additional: false };
  assert.deepEqual(serialiseAnswer(data, appShape), serialise(data, appShape));
  assert.deepEqual(serialiseAnswer(data, other), { name: 'alpha' });
  assert.deepEqual(serialiseAnswer(data, appShape), serialise(data, appShape));
});

test('a shared answer cannot be changed in place', () => {
  const store = new MemoryStore();
  const answer = serialiseAnswer(storedApp(store, 'a1', 'alpha'), appShape) as { name: string };
  assert.throws(() => {
    answer.name = 'changed';
  }, TypeError);
});

test('a page of cached items read again answers the same text, and a changed page its own', () => {
  const store = new MemoryStore();
  const items = ['a1', 'a2', 'a3'].map((id) => storedApp(store, id, `name-${id}`));
  const page = serialiseAnswer(items, listShape) as unknown[];
  assert.equal(answerText([...page]), JSON.stringify(page));
  assert.equal(answerText([...page]), JSON.stringify(page));
  const fewer = page.slice(1);
  assert.equal(answerText(fewer), JSON.stringify(fewer));
  const renamed = serialiseAnswer([items[0], items[1], storedApp(store, 'a3', 'new')], listShape);
  assert.equal(answerText(renamed), JSON.stringify(renamed));
  assert.match(answerText(renamed), /"name":"new"/);
});
