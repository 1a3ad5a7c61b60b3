import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../../src/index.js';
import { ACCEPT, start } from '../helpers.js';
import { sendRaw } from './raw-http.js';

let emulator: RunningEmulator;
before(async () => {
  emulator = await start();
});
after(() => emulator.stop());

const headers = () => ({ Authorization: `Bearer ${emulator.token}`, Accept: ACCEPT });

function envelope(body: string): { id: string; message: string } {
  const parsed = JSON.parse(body) as { id: unknown; message: unknown };
  assert.equal(typeof parsed.id, 'string');
  assert.equal(typeof parsed.message, 'string');
  return parsed as { id: string; message: string };
}

test('oversized headers are refused with 431 in the error envelope', async () => {
  const answer = await sendRaw(emulator.port, {
    method: 'GET',
    target: '/account',
    headers: { ...headers(), 'X-Padding': 'p'.repeat(20_000) },
  });
  assert.equal(answer.status, 431);
  assert.equal(envelope(answer.body).id, 'bad_request');
});

test('a method HTTP does not know is refused with 400 in the error envelope', async () => {
  const answer = await sendRaw(emulator.port, {
    method: 'FOO',
    target: '/apps',
    headers: headers(),
  });
  assert.equal(answer.status, 400);
  assert.equal(envelope(answer.body).id, 'bad_request');
});

test('raw bytes in the path are refused with 400 in the error envelope', async () => {
  const target = Buffer.from('/apps/\u2603').toString('latin1');
  const answer = await sendRaw(emulator.port, { method: 'GET', target, headers: headers() });
  assert.equal(answer.status, 400);
  envelope(answer.body);
});

test('CONNECT is refused with 405 in the error envelope', async () => {
  const answer = await sendRaw(emulator.port, {
    method: 'CONNECT',
    target: 'example.com:443',
    headers: headers(),
  });
  assert.equal(answer.status, 405);
  assert.equal(envelope(answer.body).id, 'method_not_allowed');
});
