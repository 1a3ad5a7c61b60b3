/** The official CLI's logout against a fresh emulator. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertExit, startInterop } from './harness.mjs';

let interop;
before(async () => {
  interop = await startInterop();
});
after(() => interop?.stop());

test('logout ends cleanly: no session to delete, and the API key stays valid', async () => {
  const result = await interop.heroku(['auth:logout']);
  assertExit(result);
  // The CLI revokes only OAuth authorizations; the account's API key keeps working.
  const account = await interop.api('GET', '/account');
  assert.equal(account.status, 200);
});
