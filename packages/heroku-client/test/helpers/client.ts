/**
 * Builds clients for tests: an empty environment (so the developer's own
 * HEROKU_API_KEY, proxies and netrc never leak in) and tiny retry delays.
 */
import { Heroku, type HerokuOptions } from '../../src/index.js';

/** A test token; tests assert that it never shows up anywhere. */
export const TOKEN = 'hrku-test-0123456789abcdef';

/** A client of `url` with test defaults; `options` override them. */
export function testClient(url: string, options: HerokuOptions = {}): Heroku {
  return new Heroku({
    baseUrl: url,
    token: TOKEN,
    env: { NETRC: '/nonexistent/netrc' },
    retry: { minDelay: 1, maxDelay: 5 },
    ...options,
  });
}
