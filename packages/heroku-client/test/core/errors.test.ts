import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  HerokuApiError,
  HerokuError,
  isForbiddenError,
  isHerokuApiError,
  isHerokuError,
  isNotFoundError,
  isServerError,
  isTwoFactorRequiredError,
  NotFoundError,
  RateLimitError,
  ServerError,
  TwoFactorRequiredError,
  UnauthorizedError,
  UnprocessableEntityError,
} from '../../src/index.js';
import { json, startServer, type TestServer } from '../helpers/api-server.js';
import { testClient } from '../helpers/client.js';

let server: TestServer;
before(async () => {
  server = await startServer((req, res) => {
    const status = Number(req.url.split(/[/?]/)[2]);
    if (req.url.startsWith('/text/')) {
      res.writeHead(status, { 'content-type': 'text/html', 'request-id': 'rid-text' });
      return res.end('<html>Bad Gateway</html>');
    }
    const id = req.url.endsWith('/2fa') ? 'two_factor' : `id_${status}`;
    json(
      res,
      status,
      { id, message: `message ${status}`, url: 'https://devcenter.example/x' },
      {
        'request-id': 'rid-1',
      },
    );
  });
});
after(() => server.close());

async function failure(path: string): Promise<unknown> {
  const heroku = testClient(server.url, { retry: false });
  try {
    await heroku.get(path);
  } catch (error) {
    return error;
  }
  assert.fail('the call should have failed');
}

const families: [number, new (...args: never[]) => HerokuApiError][] = [
  [400, BadRequestError],
  [401, UnauthorizedError],
  [403, ForbiddenError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, ServerError],
  [503, ServerError],
];

for (const [status, family] of families) {
  test(`a ${status} answer rejects with ${family.name}`, async () => {
    const error = await failure(`/status/${status}`);
    assert.ok(error instanceof family);
    assert.ok(error instanceof HerokuApiError);
    assert.ok(error instanceof HerokuError);
  });
}

test('a 403 two_factor is told apart from other 403s', async () => {
  const error = await failure('/status/403/2fa');
  assert.ok(error instanceof TwoFactorRequiredError);
  assert.ok(isTwoFactorRequiredError(error) && isForbiddenError(error));
  assert.ok(!isTwoFactorRequiredError(await failure('/status/403')));
});

test('an API error carries status, id, message, url, request id, method, path, body and headers', async () => {
  const error = (await failure('/status/404?x=1')) as HerokuApiError;
  assert.equal(error.status, 404);
  assert.equal(error.statusCode, 404);
  assert.equal(error.id, 'id_404');
  assert.equal(error.message, 'message 404');
  assert.equal(error.url, 'https://devcenter.example/x');
  assert.equal(error.requestId, 'rid-1');
  assert.equal(error.method, 'GET');
  assert.equal(error.path, '/status/404?x=1');
  assert.deepEqual(error.body, {
    id: 'id_404',
    message: 'message 404',
    url: 'https://devcenter.example/x',
  });
  assert.equal(error.headers['content-type'], 'application/json');
});

test('a non-JSON error body still gives a useful error', async () => {
  const error = (await failure('/text/502')) as HerokuApiError;
  assert.ok(error instanceof ServerError);
  assert.equal(error.id, 'unknown');
  assert.match(error.message, /^502 Bad Gateway from GET \/text\/502: <html>Bad Gateway/);
  assert.equal(error.body, '<html>Bad Gateway</html>');
  assert.equal(error.requestId, 'rid-text');
});

test('guards recognise errors made by another copy of the package', () => {
  const foreign = Object.assign(new Error('x'), {
    [Symbol.for('heroku-client.error')]: ['heroku', 'api', 'not_found'],
  });
  assert.ok(isHerokuError(foreign) && isHerokuApiError(foreign) && isNotFoundError(foreign));
  assert.ok(!isServerError(foreign));
  assert.ok(!isHerokuError(new Error('plain')) && !isHerokuError(null) && !isHerokuError('x'));
});

test('error classes name themselves', async () => {
  const error = (await failure('/status/409')) as Error;
  assert.equal(error.name, 'ConflictError');
});
