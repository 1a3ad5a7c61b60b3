import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect } from 'node:net';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ACCEPT, call, createApp, start } from './helpers.js';

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

test('stream paths are logged without their secret part', async () => {
  const lines: string[] = [];
  const emulator = await start({ logLevel: 'info', logSink: (line) => lines.push(line) });
  await createApp(emulator, 'log-stream-app');
  const build = await call(emulator, 'POST', '/apps/log-stream-app/builds', {
    body: { source_blob: { url: 'https://example.com/source.tgz' } },
  });
  const streamUrl = (build.json as { output_stream_url: string }).output_stream_url;
  const secret = new URL(streamUrl).pathname.split('/').at(-1) ?? '';
  await (await fetch(streamUrl)).text();
  await fetch(`${emulator.url}/streams/output/not-a-stream`).then((reply) => reply.text());
  await emulator.stop();

  assert.ok(secret.length > 8);
  assert.ok(lines.every((line) => !line.includes(secret) && !line.includes('not-a-stream')));
  assert.equal(lines.filter((line) => line.startsWith('GET /streams/output/*** ')).length, 2);
});

test('a client that hangs up mid-body leaves one line, no 500 and no stack', async () => {
  const lines: string[] = [];
  const emulator = await start({ logLevel: 'info', logSink: (line) => lines.push(line) });
  const socket = connect(emulator.port, emulator.host);
  await once(socket, 'connect');
  socket.write(
    'POST /apps HTTP/1.1\r\nHost: x\r\n' +
      `Authorization: Bearer ${emulator.token}\r\nAccept: ${ACCEPT}\r\n` +
      'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
  );
  await sleep(50);
  socket.destroy();
  for (let i = 0; i < 100 && lines.length === 0; i++) await sleep(10);
  await emulator.stop();

  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0] ?? '', /^POST \/apps 499 [\d.]+ms request_id=\S+ client closed$/);
});
