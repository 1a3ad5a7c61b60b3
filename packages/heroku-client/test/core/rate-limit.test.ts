import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { RateLimitMemory } from '../../src/core/rate-limit.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((_req, res) => json(res, 200, {}, { 'ratelimit-remaining': '3' }));
});
after(() => server.close());

test('pacing spaces calls out once the budget is below the reserve', () => {
  const memory = new RateLimitMemory();
  const policy = { reserve: 10, interval: 1000 };
  memory.record('tok', '3');
  const waits = [
    memory.claim('tok', policy),
    memory.claim('tok', policy),
    memory.claim('tok', policy),
  ];
  assert.equal(waits[0], 0);
  assert.ok((waits[1] ?? 0) > 900 && (waits[2] ?? 0) > 1900);
});

test('no pacing while the budget is above the reserve or unknown', () => {
  const memory = new RateLimitMemory();
  const policy = { reserve: 10, interval: 1000 };
  assert.equal(memory.claim('tok', policy), 0);
  memory.record('tok', '500');
  assert.equal(memory.claim('tok', policy), 0);
  assert.equal(memory.claim('tok', policy), 0);
});

test('budgets are remembered per token identity', () => {
  const memory = new RateLimitMemory();
  memory.record('a', '5');
  memory.record('b', '4000');
  assert.equal(memory.remaining('a'), 5);
  assert.equal(memory.remaining('b'), 4000);
});

test('a paced client waits before calls when the API reports a low budget', async () => {
  const lines: string[] = [];
  const heroku = testClient(server.url, {
    rateLimit: { pace: true, reserve: 10, interval: 100 },
    logger: { debug: (m) => lines.push(m) },
    debug: true,
  });
  await heroku.get('/account');
  await Promise.all([heroku.get('/account'), heroku.get('/account')]);
  assert.ok(lines.some((line) => /^pacing GET \/account by \d+ ms$/.test(line)));
});
