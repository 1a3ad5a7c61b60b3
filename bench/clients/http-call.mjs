/** @heroku/http-call 5.6.1, configured the way the official CLI's API client uses it. */
import { FIRST_RANGE, HEADERS } from './common.mjs';

/** @type {import('./index.mjs').ClientAdapter} */
export default {
  id: 'http-call',
  label: '@heroku/http-call 5.6.1',
  load: async () => (await import('@heroku/http-call')).HTTP,

  build(HTTP, origin) {
    const api = HTTP.create({ headers: HEADERS });
    return {
      info: async (id) => (await api.get(`${origin}/apps/${id}`)).body,
      create: async (body) => (await api.post(`${origin}/apps`, { body })).body,
      // A plain get() follows Next-Range and concatenates the pages.
      listAll: async () =>
        (await api.get(`${origin}/apps`, { headers: { range: FIRST_RANGE } })).body,
    };
  },
};
