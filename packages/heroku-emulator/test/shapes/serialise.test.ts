import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Shape } from '../../src/schema/shape.js';
import { shapeIssues } from '../../src/shapes/conforms.js';
import { serialise } from '../../src/shapes/serialise.js';

/** A free-form map of strings, as config vars are declared. */
const map: Shape = { t: 'object', props: {}, additional: { t: 'string' } };

/** Keys every object inherits, and the one whose assignment would set a prototype. */
const PROTO_KEYS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];

test('a free-form map keeps keys named after Object.prototype members', () => {
  const text = `{${PROTO_KEYS.map((key) => `"${key}":"v-${key}"`).join(',')},"OK":"1"}`;
  const out = serialise(JSON.parse(text), map) as object;
  assert.equal(JSON.stringify(out), text);
  assert.equal(Object.getPrototypeOf(out), Object.prototype);
});

// The shapes are parsed from text: TypeScript types a literal `constructor` or `toString` member as Object's.
test('a declared property is read from the value itself, never from Object.prototype', () => {
  const shape: Shape = {
    t: 'object',
    props: JSON.parse('{"constructor":{"t":"string","nullable":true},"name":{"t":"string"}}'),
  };
  assert.equal(JSON.stringify(serialise({ name: 'a' }, shape)), '{"constructor":null,"name":"a"}');
});

test('a value missing a declared property named like an inherited member does not conform', () => {
  const shape: Shape = { t: 'object', props: JSON.parse('{"toString":{"t":"string"}}') };
  assert.deepEqual(shapeIssues({}, shape), ['body.toString is missing']);
});
