/**
 * The form TypeScript users of heroku-client 3 wrote in CommonJS projects:
 * `import Heroku = require('heroku-client')`. Compiling this file proves it
 * type-checks; the TypeScript suite calls it to prove it runs.
 */
import Heroku = require('heroku-client');

interface NamedApp {
  readonly name: string;
}

/** Builds a client from `host` and `token` the 3.x way and returns an app's name. */
async function appName(host: string, token: string, app: string): Promise<string> {
  const heroku: Heroku = new Heroku({ token, host });
  try {
    const found = await heroku.get<NamedApp>(`/apps/${app}`);
    return found.name;
  } finally {
    await heroku.close();
  }
}

/** True when `error` is the 404 of a missing resource, as the API reported it. */
function isMissing(error: unknown): boolean {
  return error instanceof Heroku.NotFoundError && error.statusCode === 404;
}

export = { Heroku, appName, isMissing };
