/** Loads, builds and checks every client; only the operations that answer correctly are timed. */
import { verifyClient } from './verify.mjs';

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0];
}

/**
 * @param {import('../clients/index.mjs').ClientAdapter[]} adapters
 * @param {string} origin the fixture server
 * @param {number} total its number of apps
 * @param {(line: string) => void} log
 * @returns {Promise<{ ready: { adapter: any, client: any }[], status: Record<string, object> }>}
 */
export async function prepareClients(adapters, origin, total, log) {
  const ready = [];
  const status = {};
  for (const adapter of adapters) {
    const unavailable = adapter.inProgress ? 'not available yet' : 'failed its correctness check';
    let client;
    try {
      client = adapter.build(await adapter.load(), origin);
    } catch (error) {
      status[adapter.id] = {
        label: adapter.label,
        measured: false,
        reason: `${unavailable}: ${firstLine(error)}`,
      };
      log(`skipped ${adapter.label}: ${status[adapter.id].reason}`);
      continue;
    }

    const failures = await verifyClient(client, total);
    if (failures.info !== undefined) {
      await client.close?.();
      status[adapter.id] = {
        label: adapter.label,
        measured: false,
        reason: `${unavailable}: info: ${failures.info}`,
      };
      log(`skipped ${adapter.label}: ${status[adapter.id].reason}`);
      continue;
    }
    // A listing that answers wrongly is left out; the client's other figures still count.
    for (const [operation, reason] of Object.entries(failures)) {
      delete client[operation];
      log(`${adapter.label}: ${operation} left out, ${unavailable}: ${reason}`);
    }
    status[adapter.id] = { label: adapter.label, measured: true, leftOut: failures };
    ready.push({ adapter, client });
  }
  return { ready, status };
}
