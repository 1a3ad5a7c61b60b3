import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { inspect } from 'node:util';
import type { HerokuOptions } from '../../src/index.js';
import { testClient } from '../helpers/client.js';
import { type Emulator, startEmulator } from './emulator.js';

const TOKEN = 'hrku-client-secret-4b7e91';
const WRONG_TOKEN = 'hrku-client-wrong-0c2f55';
const CONFIG_VALUE = 'redis://user:c0nfig-s3cret@cache.internal:6379';
const SECRETS = [TOKEN, WRONG_TOKEN, CONFIG_VALUE, 'c0nfig-s3cret'];

let emulator: Emulator;
before(async () => {
  emulator = await startEmulator({ accounts: [{ email: 'user@example.com', token: TOKEN }] });
});
after(() => emulator.stop());

/** Collects what a client writes anywhere: its logger, stderr and process warnings. */
function capture(): { text: string[]; restore(): void } {
  const text: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    text.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  const onWarning = (warning: Error) => text.push(inspect(warning));
  process.on('warning', onWarning);
  return {
    text,
    restore() {
      process.stderr.write = write;
      process.off('warning', onWarning);
    },
  };
}

/** Calls that succeed, fail, and are retried; every error is kept in full. */
async function exercise(options: HerokuOptions, sink: string[]): Promise<void> {
  const heroku = testClient(emulator.url, { token: TOKEN, ...options });
  const keep = (error: unknown) => sink.push(inspect(error, { depth: 8 }), String(error));

  const app = 'secret-app';
  await heroku.post('/apps', { body: { name: app } }).catch(keep);
  await heroku.patch(`/apps/${app}/config-vars`, { body: { REDIS_URL: CONFIG_VALUE } });
  await heroku.get(`/apps/${app}/config-vars`);
  await heroku
    .patch(`/apps/${app}/config-vars`, { body: { REDIS_URL: { v: CONFIG_VALUE } } })
    .catch(keep);
  await heroku.get('/apps/no-such-app').catch(keep);
  await testClient(emulator.url, { ...options, token: WRONG_TOKEN })
    .get('/account')
    .catch(keep);

  emulator.faults.configure({ errorRate: 0.4, rateLimitRate: 0.3, seed: 11 });
  for (let i = 0; i < 10; i++) await heroku.get(`/apps/${app}/config-vars`).catch(keep);
  emulator.faults.configure({ resetRate: 1 });
  await heroku.patch(`/apps/${app}/config-vars`, { body: { REDIS_URL: CONFIG_VALUE } }).catch(keep);
  await testClient(emulator.url, { ...options, retry: false })
    .get('/account')
    .catch(keep);
  emulator.faults.configure(undefined);
}

const logger = (sink: string[]) => ({
  debug: (line: string) => sink.push(line),
  warn: (line: string) => sink.push(line),
  log: (line: string) => sink.push(line),
});

const levels: [string, (sink: string[]) => HerokuOptions][] = [
  ['silent, no logger', () => ({})],
  ['debug to stderr', () => ({ debug: true })],
  ['debug with headers to stderr', () => ({ debugHeaders: true })],
  [
    'HEROKU_DEBUG and HEROKU_DEBUG_HEADERS',
    () => ({ env: { HEROKU_DEBUG: '1', HEROKU_DEBUG_HEADERS: '1', NETRC: '/nonexistent' } }),
  ],
  [
    'debug with headers to an injected logger',
    (sink) => ({ debugHeaders: true, logger: logger(sink) }),
  ],
  ['an injected logger without debug', (sink) => ({ logger: logger(sink) })],
];

for (const [level, options] of levels) {
  test(`${level}: no token or config value in any log line, error or retry message`, async () => {
    const sink: string[] = [];
    const retries: string[] = [];
    const captured = capture();
    try {
      await exercise(
        {
          ...options(sink),
          retry: { minDelay: 1, maxDelay: 5, onRetry: (info) => retries.push(inspect(info)) },
        },
        sink,
      );
    } finally {
      captured.restore();
    }
    const everything = [...sink, ...captured.text, ...retries].join('\n');
    if (level.startsWith('debug') || level.startsWith('HEROKU')) assert.match(everything, /-->/);
    if (level.includes('HEADERS') || level.includes('headers')) {
      assert.match(everything, /authorization: \*\*\*/);
    }
    assert.ok(retries.length > 0);
    for (const secret of SECRETS) assert.ok(!everything.includes(secret), `${secret} leaked`);
  });
}
