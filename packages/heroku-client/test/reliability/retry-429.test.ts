import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testClient } from '../helpers/client.js';
import { startEmulator } from './emulator.js';

test('a POST answered 429 is sent again: the API refused it before acting on it', async () => {
  const emulator = await startEmulator({
    accounts: [{ email: 'user@example.com', token: 'hrku-test-0123456789abcdef' }],
    faults: { rateLimitRate: 1, rateLimitBurst: 1 },
  });
  try {
    const statuses: (number | undefined)[] = [];
    const heroku = testClient(emulator.url, {
      retry: {
        minDelay: 1,
        maxDelay: 5,
        onRetry: (info) => {
          statuses.push(info.status);
          emulator.faults.configure(undefined);
        },
      },
    });
    const app = (await heroku.post('/apps', { body: { name: 'after-429' } })) as { name: string };
    assert.equal(app.name, 'after-429');
    assert.deepEqual(statuses, [429]);
    assert.equal(emulator.store.find('app').filter((r) => r.data.name === 'after-429').length, 1);
  } finally {
    await emulator.stop();
  }
});
