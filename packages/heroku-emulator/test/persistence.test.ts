import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { call, createApp, start } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'emulator-data-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('state survives a restart with the same data file', async () => {
  const dataFile = join(dir, 'state.db');
  const first = await start({ dataFile });
  await createApp(first, 'kept-app');
  await call(first, 'PATCH', '/apps/kept-app/config-vars', { body: { KEPT: 'yes' } });
  await first.stop();

  const second = await start({ dataFile });
  const app = await call(second, 'GET', '/apps/kept-app');
  const config = await call(second, 'GET', '/apps/kept-app/config-vars');
  const regions = await call(second, 'GET', '/regions');
  await second.stop();

  assert.equal(app.status, 200);
  assert.deepEqual(config.json, { KEPT: 'yes' });
  assert.equal((regions.json as unknown[]).length, 2);
});

for (const kind of ['memory', 'sqlite'] as const) {
  test(`the ${kind} store serves an app's life cycle`, async () => {
    const emulator = await start(kind === 'sqlite' ? { dataFile: join(dir, 'cycle.db') } : {});
    await createApp(emulator, 'cycle-app');
    const renamed = await call(emulator, 'PATCH', '/apps/cycle-app', {
      body: { name: 'cycled-app' },
    });
    const deleted = await call(emulator, 'DELETE', '/apps/cycled-app');
    const gone = await call(emulator, 'GET', '/apps/cycled-app');
    await emulator.stop();
    assert.equal(renamed.status, 200);
    assert.equal(deleted.status, 200);
    assert.equal(gone.status, 404);
  });
}
