import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isTwoFactorRequiredError, type TwoFactorChallenge } from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    if (req.url.startsWith('/guarded') && req.headers['heroku-two-factor-code'] !== '123456') {
      return json(res, 403, {
        id: 'two_factor',
        message: 'A second authentication factor is required.',
        app: { name: 'my-app' },
      });
    }
    json(res, 200, { ok: true });
  });
});
after(() => server.close());

test('a per-call code is sent as Heroku-Two-Factor-Code on that call only', async () => {
  const heroku = testClient(server.url);
  await heroku.delete('/guarded/apps/x', { twoFactorCode: '123456' });
  assert.equal(server.requests.at(-1)?.headers['heroku-two-factor-code'], '123456');
  await heroku.get('/other');
  assert.equal(server.requests.at(-1)?.headers['heroku-two-factor-code'], undefined);
});

test('the callback is asked on a two_factor 403 and the call is sent again with the code', async () => {
  const challenges: TwoFactorChallenge[] = [];
  const heroku = testClient(server.url, {
    twoFactor: (challenge) => {
      challenges.push(challenge);
      return '123456';
    },
  });
  const before = server.requests.length;
  assert.deepEqual(await heroku.delete('/guarded/apps/y'), { ok: true });
  const sent = server.requests.slice(before);
  assert.equal(sent.length, 2);
  assert.equal(sent[0]?.headers['heroku-two-factor-code'], undefined);
  assert.equal(sent[1]?.headers['heroku-two-factor-code'], '123456');
  assert.equal(challenges[0]?.app, 'my-app');
  assert.equal(challenges[0]?.method, 'DELETE');
});

test('the code from the callback is not sent on the next call', async () => {
  const heroku = testClient(server.url, { twoFactor: () => '123456' });
  await heroku.delete('/guarded/apps/z');
  await heroku.get('/other');
  assert.equal(server.requests.at(-1)?.headers['heroku-two-factor-code'], undefined);
});

test('a wrong code from the callback ends in TwoFactorRequiredError, asked once', async () => {
  let asked = 0;
  const heroku = testClient(server.url, { twoFactor: () => `${++asked}` });
  await assert.rejects(heroku.delete('/guarded/apps/w'), isTwoFactorRequiredError);
  assert.equal(asked, 1);
});

test('without a callback a two_factor 403 rejects with TwoFactorRequiredError', async () => {
  await assert.rejects(testClient(server.url).delete('/guarded/apps/v'), isTwoFactorRequiredError);
});
