import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, start } from '../helpers.js';

test('RateLimit-Remaining counts down from the bucket size', async () => {
  const emulator = await start();
  const first = await call(emulator, 'GET', '/account');
  const second = await call(emulator, 'GET', '/account');
  await emulator.stop();
  assert.equal(first.headers.get('ratelimit-remaining'), '4499');
  assert.equal(second.headers.get('ratelimit-remaining'), '4498');
});

test('an empty bucket answers 429 rate_limit', async () => {
  const emulator = await start({ rateLimit: { capacity: 2, refillPerMinute: 0 } });
  await call(emulator, 'GET', '/account');
  await call(emulator, 'GET', '/account');
  const reply = await call(emulator, 'GET', '/account');
  await emulator.stop();
  assert.equal(reply.status, 429);
  assert.equal((reply.json as { id: string }).id, 'rate_limit');
});

test('GET /account/rate-limits is free and reports the bucket', async () => {
  const emulator = await start({ rateLimit: { capacity: 1, refillPerMinute: 0 } });
  await call(emulator, 'GET', '/account');
  const reply = await call(emulator, 'GET', '/account/rate-limits');
  await emulator.stop();
  assert.equal(reply.status, 200);
  assert.deepEqual(reply.json, { remaining: 0 });
});

test('the bucket refills at its rate', async () => {
  let now = 0;
  const emulator = await start({ rateLimit: { capacity: 1, refillPerMinute: 60, now: () => now } });
  await call(emulator, 'GET', '/account');
  now += 1000;
  const reply = await call(emulator, 'GET', '/account');
  await emulator.stop();
  assert.equal(reply.status, 200);
});

test('each account has its own bucket', async () => {
  const emulator = await start({
    accounts: [
      { email: 'a@example.com', token: 'token-a' },
      { email: 'b@example.com', token: 'token-b' },
    ],
    rateLimit: { capacity: 1, refillPerMinute: 0 },
  });
  await call(emulator, 'GET', '/account', { token: 'token-a' });
  const reply = await call(emulator, 'GET', '/account', { token: 'token-b' });
  await emulator.stop();
  assert.equal(reply.status, 200);
});

test('error answers that spent a token carry RateLimit-Remaining too', async () => {
  const emulator = await start({ rateLimit: { capacity: 10, refillPerMinute: 0 } });
  const answers = [
    await call(emulator, 'GET', '/apps/no-such-app'),
    await call(emulator, 'POST', '/apps', { body: { name: 'Not A Valid Name' } }),
    await call(emulator, 'POST', '/apps', { body: '{broken' }),
    await call(emulator, 'GET', '/apps', { headers: { Range: 'version ..' } }),
  ];
  await emulator.stop();
  assert.deepEqual(
    answers.map((reply) => [reply.status, reply.headers.get('ratelimit-remaining')]),
    [
      [404, '9'],
      [422, '8'],
      [400, '7'],
      [416, '6'],
    ],
  );
});
