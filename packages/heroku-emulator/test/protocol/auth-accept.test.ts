import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../../src/index.js';
import { call, start } from '../helpers.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await start({ token: 'secret-token-123' });
});
after(() => emulator.stop());

test('a Bearer token authenticates', async () => {
  assert.equal((await call(emulator, 'GET', '/account')).status, 200);
});

test('Basic auth with an empty user and the token as password authenticates', async () => {
  const basic = Buffer.from(':secret-token-123').toString('base64');
  const reply = await call(emulator, 'GET', '/account', {
    headers: { Authorization: `Basic ${basic}` },
  });
  assert.equal(reply.status, 200);
});

test('a missing Authorization answers 401 unauthorized', async () => {
  const reply = await call(emulator, 'GET', '/account', { headers: { Authorization: '' } });
  assert.equal(reply.status, 401);
  assert.deepEqual(reply.json, { id: 'unauthorized', message: 'Invalid credentials provided.' });
});

test('a wrong token answers 401 without echoing the token', async () => {
  const reply = await call(emulator, 'GET', '/account', { token: 'wrong-token-xyz' });
  assert.equal(reply.status, 401);
  assert.ok(!reply.text.includes('wrong-token-xyz'));
});

test('Basic auth naming another user answers 401', async () => {
  const basic = Buffer.from('someone@else.com:secret-token-123').toString('base64');
  const reply = await call(emulator, 'GET', '/account', {
    headers: { Authorization: `Basic ${basic}` },
  });
  assert.equal(reply.status, 401);
});

test('a missing version in Accept answers 406 not_acceptable with a message', async () => {
  const reply = await call(emulator, 'GET', '/account', {
    headers: { Accept: 'application/json' },
  });
  assert.equal(reply.status, 406);
  const body = reply.json as { id: string; message: string };
  assert.equal(body.id, 'not_acceptable');
  assert.match(body.message, /version=3/);
});

test('an unsupported version answers 406', async () => {
  const reply = await call(emulator, 'GET', '/account', {
    headers: { Accept: 'application/vnd.heroku+json; version=2' },
  });
  assert.equal(reply.status, 406);
});

test('any 3.<variant> is served as version 3', async () => {
  for (const variant of ['3.sdk', '3.webhooks', '3.run-inside']) {
    const reply = await call(emulator, 'GET', '/account', {
      headers: { Accept: `application/vnd.heroku+json; version=${variant}` },
    });
    assert.equal(reply.status, 200, variant);
  }
});

test('responses are application/json', async () => {
  const reply = await call(emulator, 'GET', '/account');
  assert.match(reply.headers.get('content-type') ?? '', /^application\/json/);
});

test('Request-Id carries our id first and keeps the caller ids', async () => {
  const reply = await call(emulator, 'GET', '/account', {
    headers: { 'Request-Id': 'caller-1,caller-2' },
  });
  const ids = (reply.headers.get('request-id') ?? '').split(',');
  assert.equal(ids.length, 3);
  assert.match(ids[0] ?? '', /^[0-9a-f-]{36}$/);
  assert.deepEqual(ids.slice(1), ['caller-1', 'caller-2']);
});

test('errors also carry a Request-Id', async () => {
  const reply = await call(emulator, 'GET', '/account', { token: 'nope' });
  assert.ok(reply.headers.get('request-id'));
});
