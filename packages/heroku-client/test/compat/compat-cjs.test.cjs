'use strict';
/**
 * heroku-client 3's documented usage, written as its users wrote it: CommonJS,
 * `require('heroku-client')`, promise chains. Runs against a fresh emulator.
 */
const assert = require('node:assert/strict');
const { after, before, test } = require('node:test');
const Heroku = require('heroku-client');

/** @type {import('../../dist/test/compat/harness.js').CompatServer} */
let server;
let heroku;
const APPS = ['cjs-app-a', 'cjs-app-b', 'cjs-app-c', 'cjs-app-d', 'cjs-app-e'];

before(async () => {
  const { startCompatServer } = await import('../../dist/test/compat/harness.js');
  server = await startCompatServer();
  heroku = new Heroku({ token: server.token, host: server.url });
  for (const name of APPS) await heroku.post('/apps', { body: { name } });
});
after(async () => {
  await heroku.close();
  await server.stop();
});

/** Rejects unless `call` fails; resolves to the error. */
function failure(call) {
  return call.then(
    () => assert.fail('the call should have failed'),
    (error) => error,
  );
}

test('require gives the Heroku class, with Heroku and createClient on it', () => {
  assert.equal(typeof Heroku, 'function');
  assert.equal(Heroku.Heroku, Heroku);
  assert.ok(heroku instanceof Heroku);
  assert.ok(Heroku.createClient({ token: server.token, host: server.url }) instanceof Heroku);
});

test('get resolves to the parsed body; the token goes as a Bearer token', () => {
  const start = server.requests.length;
  return heroku.get('/apps/cjs-app-a').then((app) => {
    assert.equal(app.name, 'cjs-app-a');
    assert.equal(server.since(start)[0].headers.authorization, `Bearer ${server.token}`);
  });
});

test('auth ":token" is sent as HTTP Basic and accepted', () => {
  const client = new Heroku({ host: server.url, auth: `:${server.token}` });
  const start = server.requests.length;
  return client.get('/account').then((account) => {
    assert.equal(account.email, 'user@example.com');
    assert.match(server.since(start)[0].headers.authorization, /^Basic /);
    return client.close();
  });
});

test('post without a body, patch and delete resolve to the app', () => {
  return heroku
    .post('/apps')
    .then((app) => heroku.patch(`/apps/${app.name}`, { body: { name: 'cjs-renamed' } }))
    .then((renamed) => {
      assert.equal(renamed.name, 'cjs-renamed');
      return heroku.delete('/apps/cjs-renamed');
    })
    .then((deleted) => {
      assert.equal(deleted.name, 'cjs-renamed');
      return failure(heroku.get('/apps/cjs-renamed'));
    })
    .then((error) => assert.equal(error.statusCode, 404));
});

test('put sends its body and resolves to the parsed answer', () => {
  const updates = [{ buildpack: 'heroku/nodejs' }];
  return heroku
    .put('/apps/cjs-app-a/buildpack-installations', { body: { updates } })
    .then((installed) => {
      assert.ok(Array.isArray(installed));
      assert.equal(installed.length, 1);
    });
});

test('a list with a small Range header resolves to every page concatenated', () => {
  const start = server.requests.length;
  return heroku.get('/apps', { headers: { Range: 'name ..; max=2' } }).then((apps) => {
    assert.deepEqual(
      apps.map((app) => app.name),
      APPS,
    );
    const sent = server.since(start);
    assert.equal(sent.length, 3);
    assert.equal(sent[0].headers.range, 'name ..; max=2');
  });
});

test('partial: true resolves to the first page only', () => {
  return heroku
    .get('/apps', { partial: true, headers: { Range: 'name ..; max=2' } })
    .then((apps) => {
      assert.deepEqual(
        apps.map((app) => app.name),
        APPS.slice(0, 2),
      );
    });
});

test('request with method, path, headers and parseJSON: false resolves to text', () => {
  const start = server.requests.length;
  return heroku
    .request({ method: 'GET', path: '/apps', headers: { Foo: 'Bar' }, parseJSON: false })
    .then((text) => {
      assert.equal(typeof text, 'string');
      assert.equal(JSON.parse(text).length, APPS.length);
      assert.equal(server.since(start)[0].headers.foo, 'Bar');
    });
});

test('parseJSON: false on the client makes every call resolve to text', () => {
  const client = new Heroku({ token: server.token, host: server.url, parseJSON: false });
  return client.get('/account').then((text) => {
    assert.equal(JSON.parse(text).email, 'user@example.com');
    return client.close();
  });
});

test('an unknown app fails with statusCode 404 and the API body', () => {
  return failure(heroku.get('/apps/no-such-app')).then((error) => {
    assert.equal(error.statusCode, 404);
    assert.equal(error.body.id, 'not_found');
    assert.ok(error instanceof Heroku.NotFoundError);
  });
});

test('a bad app name fails with statusCode 422 and the API body', () => {
  return failure(heroku.post('/apps', { body: { name: 'Not A Valid Name' } })).then((error) => {
    assert.equal(error.statusCode, 422);
    assert.equal(error.body.id, 'invalid_params');
  });
});
