/** Raw `undici.request` over a keep-alive Agent: the practical limit on Node, ratio 1.0. */
import { FIRST_RANGE, headersFor, statusError, TOKEN } from './common.mjs';

/** @type {import('./index.mjs').ClientAdapter} */
export default {
  id: 'undici',
  label: 'raw undici.request',
  load: () => import('undici'),

  // The token can be chosen so the emulator scenario can use this client against the emulator.
  build({ Agent, request }, origin, token = TOKEN) {
    const HEADERS = headersFor(token);
    const dispatcher = new Agent({ keepAliveTimeout: 60_000 });

    async function call(path, method = 'GET', headers = HEADERS, body = undefined) {
      const res = await request(origin + path, { dispatcher, method, headers, body });
      if (res.statusCode >= 300) {
        await res.body.dump();
        throw statusError(`${method} ${path}`, res.statusCode);
      }
      return { headers: res.headers, data: await res.body.json() };
    }

    async function* pages() {
      let range = FIRST_RANGE;
      while (range !== undefined) {
        const { headers, data } = await call('/apps', 'GET', { ...HEADERS, range });
        yield data;
        range = headers['next-range'];
      }
    }

    return {
      info: async (id) => (await call(`/apps/${id}`)).data,
      create: async (body) => {
        const headers = { ...HEADERS, 'content-type': 'application/json' };
        return (await call('/apps', 'POST', headers, JSON.stringify(body))).data;
      },
      listAll: async () => {
        const all = [];
        for await (const page of pages()) for (const app of page) all.push(app);
        return all;
      },
      iterate: async function* () {
        for await (const page of pages()) yield* page;
      },
      close: () => dispatcher.close(),
    };
  },
};
