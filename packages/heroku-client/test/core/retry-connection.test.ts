import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { isConnectionError } from '../../src/index.js';
import { testClient } from '../helpers/client.js';

// A raw TCP server that resets the first connection of each request and answers
// the next one, so a failure after the request was sent can be produced.
let server: Server;
let port = 0;
let connections = 0;
const sockets = new Set<Socket>();
before(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', () => {
      connections++;
      if (connections % 2 === 1) return socket.destroy();
      socket.end(
        'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
after(() => {
  for (const socket of sockets) socket.destroy();
  server.close();
});

test('a GET whose connection drops is retried', async () => {
  connections = 0;
  assert.deepEqual(await testClient(`http://127.0.0.1:${port}`).get('/account'), {});
  assert.equal(connections, 2);
});

test('a POST whose connection drops after sending is not retried', async () => {
  connections = 0;
  const error = await testClient(`http://127.0.0.1:${port}`)
    .post('/apps', { body: {} })
    .then(
      () => assert.fail('should fail'),
      (e: unknown) => e,
    );
  assert.ok(isConnectionError(error));
  assert.equal(connections, 1);
});

test('a POST refused before connecting is retried: it never reached the server', async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const closed = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  let retries = 0;
  const heroku = testClient(`http://127.0.0.1:${closed}`, {
    retry: { retries: 2, minDelay: 1, onRetry: () => retries++ },
  });
  await assert.rejects(heroku.post('/apps', { body: {} }), (e) => isConnectionError(e));
  assert.equal(retries, 2);
});
