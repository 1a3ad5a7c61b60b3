import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HerokuConnectionError } from '../../src/index.js';
import { TOKEN, testClient } from '../helpers/client.js';
import { startEmulator } from './emulator.js';

test('a POST whose answer is cut by a reset is not sent again', async () => {
  const emulator = await startEmulator({
    accounts: [{ email: 'user@example.com', token: TOKEN }],
    faults: { resetRate: 1 },
  });
  try {
    const heroku = testClient(emulator.url);
    await assert.rejects(
      heroku.post('/apps', { body: { name: 'cut-short' } }),
      (error) => error instanceof HerokuConnectionError,
    );
    assert.equal(emulator.faults.stats().requests, 1);
    assert.equal(emulator.store.find('app').filter((r) => r.data.name === 'cut-short').length, 1);
  } finally {
    await emulator.stop();
  }
});

test('a GET whose answer is cut by a reset is sent again and succeeds', async () => {
  const emulator = await startEmulator({
    accounts: [{ email: 'user@example.com', token: TOKEN }],
    faults: { resetRate: 1 },
  });
  try {
    const heroku = testClient(emulator.url, {
      retry: { minDelay: 1, maxDelay: 5, onRetry: () => emulator.faults.configure(undefined) },
    });
    const account = (await heroku.get('/account')) as { email: string };
    assert.equal(account.email, 'user@example.com');
  } finally {
    await emulator.stop();
  }
});
