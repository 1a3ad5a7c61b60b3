/**
 * This project's client, `heroku-client` from the workspace (its dist/, built by `npx tsc -b`).
 * Two adapters: the generic calls (`heroku.get(path)`) and the fluent ones
 * (`heroku.apps(id).info()`). Until the package builds and answers, loading rejects with the
 * reason and the run reports the client as not available.
 */
import { TOKEN } from './common.mjs';

async function loadModule() {
  let mod;
  try {
    mod = await import('heroku-client');
  } catch (error) {
    const reason = String(error?.message ?? error).split('\n')[0];
    throw new Error(`import('heroku-client') failed (${reason}); build it with npx tsc -b`);
  }
  if (typeof mod.Heroku !== 'function') throw new Error('heroku-client exports no Heroku class');
  return mod;
}

function connect(mod, origin) {
  return new mod.Heroku({ token: TOKEN, baseUrl: origin });
}

/** @type {import('./index.mjs').ClientAdapter} */
export const oursGeneric = {
  id: 'ours-generic',
  label: 'ours: heroku.get(path)',
  inProgress: true,
  load: loadModule,

  build(mod, origin) {
    const heroku = connect(mod, origin);
    // A call is a thenable and an async iterable: awaiting collects every page, iterating
    // holds one page at a time.
    return {
      info: (id) => heroku.get(`/apps/${id}`),
      create: (body) => heroku.post('/apps', { body }),
      listAll: async () => await heroku.get('/apps'),
      iterate: () => heroku.get('/apps'),
      close: () => heroku.close(),
    };
  },
};

/** @type {import('./index.mjs').ClientAdapter} */
export const oursFluent = {
  id: 'ours-fluent',
  label: 'ours: heroku.apps(id).info()',
  inProgress: true,
  load: loadModule,

  build(mod, origin) {
    const heroku = connect(mod, origin);
    if (typeof heroku.apps !== 'function') throw new Error('heroku.apps() does not exist yet');
    return {
      info: (id) => heroku.apps(id).info(),
      create: (body) => heroku.apps().create(body),
      listAll: async () => await heroku.apps().list(),
      iterate: () => heroku.apps().list(),
      close: () => heroku.close(),
    };
  },
};
