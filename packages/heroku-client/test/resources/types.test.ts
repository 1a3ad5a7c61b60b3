/**
 * Compile-time checks: this file only builds when wrong body fields and wrong
 * result fields are type errors. Each `@ts-expect-error` fails the build if the
 * error it expects goes away.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Heroku } from '../../src/index.js';

async function typeChecks(heroku: Heroku): Promise<void> {
  const app = await heroku.apps('x').info();
  const name: string = app.name;
  // @ts-expect-error: apps have no `colour`.
  app.colour;
  // @ts-expect-error: `name` is a string, not a number.
  const wrong: number = app.name;

  // @ts-expect-error: `nmae` is not a field of an app create body.
  await heroku.apps().create({ nmae: 'typo' });
  // @ts-expect-error: `command` is required to create a dyno.
  await heroku.apps('x').dynos().create({ attach: true });

  const dynos = await heroku.apps('x').dynos().list();
  const first: string | undefined = dynos[0]?.name;
  for await (const release of heroku.apps('x').releases().list()) {
    const version: number = release.version;
    // @ts-expect-error: a release's version is a number.
    const text: string = release.version;
    void [version, text];
  }
  void [name, wrong, first];
}

test('wrong body and result fields are compile-time errors', () => {
  assert.equal(typeof typeChecks, 'function');
});
