import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ShapeData } from '../src/emit-shapes.js';
import { shapeText, sharedShapes } from '../src/shape-text.js';

const uuid = { t: 'string', format: 'uuid', example: '01234567-89ab-cdef-0123-456789abcdef' };
const owner = { t: 'object', props: { id: uuid, email: { t: 'string', format: 'email' } } };
const app = {
  t: 'object',
  props: { id: uuid, name: { t: 'string', example: 'example' }, owner, team: owner },
};
const list = { t: 'array', items: app };

/** Evaluates the written module text back into data. */
function evaluate(text: { constants: readonly string[]; expression: string }): unknown {
  const js = text.constants.map((c) => c.replace(/: Shape =/, ' =')).join('\n');
  return new Function(`${js}\nreturn ${text.expression};`)();
}

test('a shape that stands in several places is written once and named everywhere', () => {
  const data = { resource: app, targets: { 'app.info': app, 'app.list': list } };
  const roots = [app, app, list] as ShapeData[];
  const text = shapeText(data, roots);
  assert.equal(text.constants.length, 2, text.constants.join('\n'));
  assert.match(text.constants[0] ?? '', /^const shape1: Shape = \{\n "t": "object"/);
  assert.match(text.constants[1] ?? '', /^const shape2: Shape = \{/);
  assert.match(text.expression, /"resource": shape2,/);
  assert.match(text.expression, /"app\.info": shape2,/);
  assert.match(text.expression, /"items": shape2/);
  assert.deepEqual(evaluate(text), data);
});

test('the parts of a shared shape are shared only when they also stand elsewhere', () => {
  const data = { resource: app, targets: { 'app.info': app } };
  const text = shapeText(data, [app, app] as ShapeData[]);
  // The owner shape stands twice inside the app shape, so it is shared too;
  // the uuid shape is too short to pay for a constant.
  assert.equal(text.constants.length, 2);
  assert.match(text.constants[0] ?? '', /"email"/);
  assert.doesNotMatch(text.constants.join('\n'), /^const \w+: Shape = \{\n "t": "string"/m);
  assert.deepEqual(evaluate(text), data);
});

test('shapes that stand once stay inline, in the JSON layout', () => {
  const data = { resource: app, targets: {} };
  const text = shapeText(data, [app] as ShapeData[]);
  assert.equal(text.constants.length, 1); // owner, twice inside app
  assert.match(text.expression, /^\{\n "resource": \{\n {2}"t": "object",/);
  assert.match(text.expression, /"targets": \{\}\n\}$/);
  assert.deepEqual(evaluate(text), data);
});

test('a shape several resources use goes to the shared module, named from each file', () => {
  const action = { t: 'object', props: { name: { t: 'string' } } };
  const files = [[app, list], [app, action], [action]] as ShapeData[][];
  const shared = sharedShapes(files);
  // app and its owner shape stand in two files; action does too, but it is short.
  assert.equal(shared.constants.length, 2, shared.constants.join('\n'));
  assert.match(shared.constants[0] ?? '', /^export const shared1: Shape = \{/);
  const appName = shared.names.get(JSON.stringify(app));
  assert.equal(appName, 'shared2');

  const data = { resource: app, targets: { 'app.list': list } };
  const text = shapeText(data, [app, list] as ShapeData[], shared.names);
  assert.deepEqual(text.constants, []);
  assert.deepEqual(text.used, ['shared2']);
  assert.match(text.expression, /"resource": shared2,/);
  assert.match(text.expression, /"items": shared2/);
  const module = shared.constants.map((c) => c.replace(/^export /, '')).concat(text.constants);
  assert.deepEqual(evaluate({ constants: module, expression: text.expression }), data);
});
