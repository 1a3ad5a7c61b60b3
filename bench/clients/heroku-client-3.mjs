/** heroku-client 3.1.4 from npm: a fresh http.Agent per request, pages followed on Next-Range. */
import { TOKEN } from './common.mjs';

/** @type {import('./index.mjs').ClientAdapter} */
export default {
  id: 'heroku-client-3',
  label: 'heroku-client 3.1.4',
  load: async () => (await import('heroku-client-3')).default,

  build(Heroku, origin) {
    // It sends `Range: id ..; max=1000` on every request by default.
    const heroku = new Heroku({ token: TOKEN, host: origin });
    return {
      info: (id) => heroku.get(`/apps/${id}`),
      create: (body) => heroku.post('/apps', { body }),
      listAll: () => heroku.get('/apps'),
    };
  },
};
