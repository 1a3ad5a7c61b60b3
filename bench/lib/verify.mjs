/** Checks that a client returns the right data before any of its timings count. */
import { deepStrictEqual, equal } from 'node:assert/strict';
import { appId, appObject } from './app-fixture.mjs';

/**
 * Check a listing: `total` apps, in id order, the first and last equal to the fixture.
 * @param {unknown[]} apps
 * @param {number} total
 */
export function checkListing(apps, total) {
  equal(apps.length, total, `listing returned ${apps.length} apps instead of ${total}`);
  for (let i = 0; i < apps.length; i++) {
    if (apps[i]?.id !== appId(i))
      throw new Error(`listing item ${i} is ${apps[i]?.id}, not ${appId(i)}`);
  }
  if (total > 0) deepStrictEqual(apps[total - 1], appObject(total - 1));
}

/**
 * Run every operation of the client once against the fixture server of `total` apps.
 * Returns the operations that answered wrongly, each with the reason; none = all correct.
 * @param {import('../clients/index.mjs').BenchClient} client
 * @param {number} total
 * @returns {Promise<Record<string, string>>}
 */
export async function verifyClient(client, total) {
  const checks = {
    info: async () => deepStrictEqual(await client.info(appId(7)), appObject(7)),
    create: async () =>
      equal((await client.create({ name: 'bench-verify-app' }))?.name, 'bench-verify-app'),
    listAll: async () => checkListing(await client.listAll(), total),
    iterate: async () => {
      const apps = [];
      for await (const app of client.iterate()) apps.push(app);
      checkListing(apps, total);
    },
  };

  const failures = {};
  for (const [operation, check] of Object.entries(checks)) {
    if (client[operation] === undefined) continue;
    try {
      await check();
    } catch (error) {
      failures[operation] = String(error?.message ?? error).split('\n')[0];
    }
  }
  return failures;
}
