import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LogLevel, RunningEmulator } from '../../src/index.js';
import { ACCEPT, call, start } from '../helpers.js';
import { sendRaw } from './raw-http.js';

const TOKEN = 'hrku-secret-token-5a1f7c';
const WRONG_TOKEN = 'hrku-wrong-token-9e3b2d';
const CONFIG_VALUE = 'postgres://admin:s3cr3t-c0nfig@db.internal/prod';
const SECRETS = [TOKEN, WRONG_TOKEN, CONFIG_VALUE, 's3cr3t-c0nfig'];

/** Everything a caller or an operator could see besides the API's intended answers. */
interface Captured {
  readonly lines: string[];
  readonly errors: string[];
}

async function exercise(emulator: RunningEmulator, captured: Captured): Promise<void> {
  const keep = (reply: { status: number; text: string; headers: Headers }) => {
    const headers = [...reply.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    if (reply.status >= 400) captured.errors.push(reply.text, headers);
    else captured.errors.push(headers);
  };
  keep(await call(emulator, 'POST', '/apps', { body: { name: 'secret-app' } }));
  keep(
    await call(emulator, 'PATCH', '/apps/secret-app/config-vars', {
      body: { DATABASE_URL: CONFIG_VALUE },
    }),
  );
  keep(await call(emulator, 'GET', '/apps/secret-app/config-vars'));
  keep(await call(emulator, 'GET', '/account', { token: WRONG_TOKEN }));
  keep(
    await call(emulator, 'GET', '/account', {
      headers: { Authorization: `Basic ${Buffer.from(`:${WRONG_TOKEN}`).toString('base64')}` },
    }),
  );
  keep(await call(emulator, 'GET', '/account', { headers: { Authorization: `Token ${TOKEN}` } }));
  keep(
    await call(emulator, 'PATCH', '/apps/secret-app/config-vars', {
      body: { DATABASE_URL: { nested: CONFIG_VALUE } },
    }),
  );
  keep(
    await call(emulator, 'PATCH', '/apps/secret-app/config-vars', {
      body: `{"DATABASE_URL": "${CONFIG_VALUE}", "TOKEN": "${TOKEN}"`,
    }),
  );
  keep(await call(emulator, 'POST', '/apps', { body: { name: CONFIG_VALUE, region: TOKEN } }));
  keep(await call(emulator, 'GET', '/account', { headers: { Accept: `text/${TOKEN}` } }));
  keep(await call(emulator, 'GET', '/apps/no-such-app', { headers: { Range: `id ${TOKEN}..` } }));
  const oversized = await sendRaw(emulator.port, {
    method: 'GET',
    target: '/account',
    headers: { Authorization: `Bearer ${TOKEN}`, Accept: ACCEPT, 'X-Pad': 'p'.repeat(20_000) },
  });
  captured.errors.push(oversized.body, JSON.stringify(oversized.headers));

  // Injected faults log too.
  emulator.faults.configure({ errorRate: 0.5, rateLimitRate: 0.3, seed: 3 });
  for (let i = 0; i < 10; i++) keep(await call(emulator, 'GET', '/apps/secret-app/config-vars'));
  emulator.faults.configure({ resetRate: 1 });
  await assert.rejects(call(emulator, 'GET', '/apps/secret-app/config-vars'));
  emulator.faults.configure(undefined);
}

for (const level of ['silent', 'error', 'info', 'debug'] as LogLevel[]) {
  test(`at log level ${level} the emulator neither logs nor echoes a token or a config value`, async () => {
    const captured: Captured = { lines: [], errors: [] };
    const emulator = await start({
      logLevel: level,
      logSink: (line) => captured.lines.push(line),
      accounts: [{ email: 'user@example.com', token: TOKEN }],
    });
    try {
      await exercise(emulator, captured);
    } finally {
      await emulator.stop();
    }
    if (level === 'info' || level === 'debug') assert.ok(captured.lines.length >= 20);
    const everything = [...captured.lines, ...captured.errors].join('\n');
    for (const secret of SECRETS) assert.ok(!everything.includes(secret), `${secret} leaked`);
  });
}
