import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  Heroku,
  HerokuUsageError,
  HerokuValidationError,
  isHerokuError,
  lookupLink,
} from '../../src/index.js';
import { type RecordingServer, startRecordingServer } from './recording-server.js';

let server: RecordingServer;
let heroku: Heroku;

before(async () => {
  server = await startRecordingServer((method, path) => lookupLink(method, path)?.list === true);
  heroku = new Heroku({ baseUrl: server.url, token: 'fluent-test-token', retry: false });
});

after(async () => {
  await heroku.close();
  await server.close();
});

function last() {
  const request = server.requests.at(-1);
  assert.ok(request, 'no request was recorded');
  return request;
}

test('a chain mirrors the href: literal segments are methods, path values their arguments', async () => {
  await heroku.apps('my-app').dynos('web.1').info();
  assert.equal(last().method, 'GET');
  assert.equal(last().url, '/apps/my-app/dynos/web.1');
});

test('the collection is the segment method without a value', async () => {
  const apps = await heroku.apps().list();
  assert.deepEqual(apps, []);
  assert.equal(last().url, '/apps');
  assert.match(String(last().headers.range), /^id \.\.; max=1000$/);
});

test('a trailing actions/<verb> is reached by the verb alone', async () => {
  await heroku.apps('a1').dynos('web.1').stop();
  assert.equal(last().method, 'POST');
  assert.equal(last().url, '/apps/a1/dynos/web.1/actions/stop');
});

test('a trailing segment the action names is not said twice', async () => {
  await heroku.apps('a1').enableAcm();
  assert.equal(last().method, 'POST');
  assert.equal(last().url, '/apps/a1/acm');
});

test('the four calls of the original dyno page work with callbacks', async () => {
  const call = <T>(fn: (cb: (error: Error | null, value?: T) => void) => unknown) =>
    new Promise<T | undefined>((resolve, reject) => {
      fn((error, value) => (error ? reject(error) : resolve(value)));
    });
  const dynos = heroku.apps('app1').dynos();
  await call((cb) => dynos.create({ attach: false, size: 'basic', command: 'bash' }, cb));
  assert.deepEqual([last().method, last().url], ['POST', '/apps/app1/dynos']);
  await call((cb) => dynos.list(cb));
  assert.deepEqual([last().method, last().url], ['GET', '/apps/app1/dynos']);
  await call((cb) => heroku.apps('app1').dynos('web.1').info(cb));
  assert.deepEqual([last().method, last().url], ['GET', '/apps/app1/dynos/web.1']);
  await call((cb) => heroku.apps('app1').dynos('web.1').delete(cb));
  assert.deepEqual([last().method, last().url], ['DELETE', '/apps/app1/dynos/web.1']);
});

test('chains are reusable: one node serves several calls', async () => {
  const app = heroku.apps('reused');
  await app.info();
  await app.configVars().infoForApp();
  assert.deepEqual(
    server.requests.slice(-2).map((r) => r.url),
    ['/apps/reused', '/apps/reused/config-vars'],
  );
});

test('a chain node cannot be changed once built', async () => {
  const app = heroku.apps('fixed') as unknown as { path: string; info(): PromiseLike<unknown> };
  assert.throws(() => {
    app.path = '/account';
  }, TypeError);
  await app.info();
  assert.equal(server.requests.at(-1)?.url, '/apps/fixed');
});

test('path values are encoded', async () => {
  await heroku.apps('a b').info();
  assert.equal(last().url, '/apps/a%20b');
});

test('an empty path value, a slash or .. is refused before sending', () => {
  const before = server.requests.length;
  assert.throws(() => heroku.apps(''), HerokuUsageError);
  assert.throws(() => heroku.apps('a/b'), /must not contain "\/"/);
  assert.throws(() => heroku.apps('..'), /must not contain "\.\."/);
  assert.equal(server.requests.length, before);
});

test('a body that breaks the schema is refused with each field and rule named', async () => {
  const before = server.requests.length;
  // @ts-expect-error: command must be a string and attach a boolean.
  const call = heroku.apps('a1').dynos().create({ command: 5, attach: 'yes' });
  await assert.rejects(call, (error: unknown) => {
    assert.ok(error instanceof HerokuValidationError);
    assert.ok(isHerokuError(error));
    const rules = error.issues.map((i) => `${i.path}:${i.rule}`).sort();
    assert.deepEqual(rules, ['body.attach:type', 'body.command:type']);
    return true;
  });
  assert.equal(server.requests.length, before, 'nothing was sent');
});

test('a validation error also reaches the callback', async () => {
  const dynos = heroku.apps('a1').dynos();
  const error = await new Promise<Error | null>((resolve) => {
    // @ts-expect-error: command is required.
    dynos.create({ attach: true }, (err) => resolve(err));
  }).catch((e: Error) => e);
  assert.ok(error instanceof HerokuUsageError);
});

test('a missing body names the required fields in the callback and the promise', async () => {
  const before = server.requests.length;
  const dynos = heroku.apps('a1').dynos() as unknown as {
    create(cb?: (err: Error | null) => void): PromiseLike<unknown>;
  };
  const viaCallback = await new Promise<Error | null>((resolve) => {
    dynos.create((err) => resolve(err));
  });
  assert.ok(viaCallback instanceof HerokuValidationError);
  assert.match(viaCallback.message, /command/);
  await assert.rejects(Promise.resolve(dynos.create()), HerokuValidationError);
  assert.equal(server.requests.length, before, 'nothing was sent');
});

test('the link variant is sent for links only the 3.sdk schema has', async () => {
  await heroku.apps('a1').buildMetadata().info();
  assert.match(String(last().headers.accept), /version=3\.sdk/);
  await heroku.apps('a1').info();
  assert.match(String(last().headers.accept), /version=3$/);
});

test('a GET link with a schema sends its body as query parameters', async () => {
  await heroku.teams('t1').usage().daily().info({ start: '2024-01-01', end: '2024-01-31' });
  assert.equal(last().method, 'GET');
  assert.equal(last().url, '/teams/t1/usage/daily?start=2024-01-01&end=2024-01-31');
  assert.equal(last().body, '');
});

test('every node offers the plain verbs on its own path', async () => {
  await heroku
    .apps('a1')
    .dynos('web.1')
    .post({ body: { x: 1 } });
  assert.deepEqual(
    [last().method, last().url, last().body],
    ['POST', '/apps/a1/dynos/web.1', '{"x":1}'],
  );
});

test('a wrong number of path values is a clear error', () => {
  // @ts-expect-error: apps() takes at most one path value.
  assert.throws(() => heroku.apps('a', 'b'), /apps\(\) takes 0 or 1 path value/);
});

test('~ names the caller in account paths', async () => {
  await heroku.users('~').capabilities({ capabilities: [] });
  assert.deepEqual([last().method, last().url], ['PUT', '/users/~/capabilities']);
});

test('a link that acts on the caller only refuses another account before sending', () => {
  const before = server.requests.length;
  assert.throws(
    () => heroku.users('bob@example.com').capabilities({ capabilities: [] }),
    (error: Error) => error instanceof HerokuUsageError && /takes "~" there/.test(error.message),
  );
  assert.equal(server.requests.length, before);
});
