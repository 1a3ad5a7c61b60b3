/** Node's global fetch (the undici bundled inside Node), with its default keep-alive pool. */
import { FIRST_RANGE, HEADERS, statusError } from './common.mjs';

/** @type {import('./index.mjs').ClientAdapter} */
export default {
  id: 'fetch',
  label: "Node's fetch",
  // Node loads its fetch implementation on first access of the global.
  load: async () => globalThis.fetch,

  build(fetch, origin) {
    async function call(path, init = {}) {
      const res = await fetch(origin + path, { headers: HEADERS, ...init });
      if (!res.ok) {
        await res.arrayBuffer();
        throw statusError(`${init.method ?? 'GET'} ${path}`, res.status);
      }
      return { headers: res.headers, data: await res.json() };
    }

    return {
      info: async (id) => (await call(`/apps/${id}`)).data,
      create: async (body) => {
        const headers = { ...HEADERS, 'content-type': 'application/json' };
        return (await call('/apps', { method: 'POST', headers, body: JSON.stringify(body) })).data;
      },
      listAll: async () => {
        const all = [];
        let range = FIRST_RANGE;
        while (range !== null) {
          const { headers, data } = await call('/apps', { headers: { ...HEADERS, range } });
          for (const app of data) all.push(app);
          range = headers.get('next-range');
        }
        return all;
      },
    };
  },
};
