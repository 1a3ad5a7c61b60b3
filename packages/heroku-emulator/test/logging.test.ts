import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, start } from './helpers.js';

test('each request logs one line with method, path, status, time and request id', async () => {
  const lines: string[] = [];
  const emulator = await start({ logLevel: 'info', logSink: (line) => lines.push(line) });
  const reply = await call(emulator, 'GET', '/account');
  await emulator.stop();
  const ownId = (reply.headers.get('request-id') ?? '').split(',')[0];
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /^GET \/account 200 [\d.]+ms request_id=/);
  assert.ok(lines[0]?.endsWith(`request_id=${ownId}`));
});

test('no log line ever contains a token, valid or not', async () => {
  const lines: string[] = [];
  const emulator = await start({
    token: 'very-secret-token',
    logLevel: 'debug',
    logSink: (line) => lines.push(line),
  });
  await call(emulator, 'GET', '/account');
  await call(emulator, 'GET', '/account', { token: 'another-secret-guess' });
  await call(emulator, 'POST', '/apps', { body: '{broken' });
  await emulator.stop();
  assert.equal(lines.filter((line) => /^(GET|POST) /.test(line)).length, 3);
  for (const line of lines) {
    assert.ok(!line.includes('very-secret-token'));
    assert.ok(!line.includes('another-secret-guess'));
  }
});
