import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isExempt, resolveProxy } from '../../src/core/proxy.js';

const api = new URL('https://api.heroku.com');

test('HTTPS_PROXY is chosen for an https API, HTTP_PROXY as a fallback', () => {
  assert.equal(
    resolveProxy(api, { HTTPS_PROXY: 'http://a:1', HTTP_PROXY: 'http://b:2' }),
    'http://a:1',
  );
  assert.equal(resolveProxy(api, { http_proxy: 'http://b:2' }), 'http://b:2');
});

test('HEROKU_HTTP_PROXY_HOST wins and its port defaults to 8080', () => {
  const env = { HEROKU_HTTP_PROXY_HOST: 'proxy.corp', HTTPS_PROXY: 'http://a:1' };
  assert.equal(resolveProxy(api, env), 'http://proxy.corp:8080');
});

test('NO_PROXY matches exact hosts, domain suffixes, ports and *', () => {
  assert.ok(isExempt(api, 'api.heroku.com'));
  assert.ok(isExempt(api, '.heroku.com'));
  assert.ok(isExempt(api, 'heroku.com'.replace(/^/, '.')));
  assert.ok(isExempt(api, '*.heroku.com'));
  assert.ok(isExempt(api, 'api.heroku.com:443'));
  assert.ok(!isExempt(api, 'api.heroku.com:8443'));
  assert.ok(isExempt(api, '*'));
  assert.ok(!isExempt(api, 'example.com, herokuapp.com'));
});
