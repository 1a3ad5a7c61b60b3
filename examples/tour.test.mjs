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
    assert.ok(
      lines.some((line) => /^5\. page 3 \(200\)/.test(line)),
      lines.join('\n'),
    );
    assert.deepEqual(await heroku.apps().list(), []);
  } finally {
    await heroku.close();
    await emulator.stop();
  }
});
