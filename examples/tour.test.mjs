import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Heroku } from 'heroku-client';
import { startEmulator } from 'heroku-emulator';
import { tour } from './tour.mjs';

test('the tour runs against a fresh emulator and cleans up after itself', async () => {
  const emulator = await startEmulator({ port: 0 });
  const heroku = new Heroku({ baseUrl: emulator.url, token: emulator.token });
  try {
    const lines = [];
    await tour(heroku, (line) => lines.push(line));
    assert.match(lines[0] ?? '', /signed in as user@example\.com/);
    const saw = (pattern) =>
      assert.ok(
        lines.some((line) => pattern.test(line)),
        lines.join('\n'),
      );
    saw(/^5\. scaled web to 2 x standard-1X: web\.1, web\.2$/i);
    saw(/^6\. page 3 \(200\)/);
    saw(/^7\. release v3: Set GREETING, WORKERS config vars/);
    assert.deepEqual(await heroku.apps().list(), []);
  } finally {
    await heroku.close();
    await emulator.stop();
  }
});
