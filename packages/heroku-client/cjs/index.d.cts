/**
 * Types of the CommonJS entry: the Heroku class, carrying the package's named
 * exports, so `import Heroku = require('heroku-client')` type-checks.
 */
import type * as client from '../dist/src/index.js';

type HerokuClass = typeof client.Heroku;

declare const Heroku: HerokuClass &
  Omit<typeof client, 'Heroku' | 'default'> & {
    readonly Heroku: HerokuClass;
    readonly default: HerokuClass;
    readonly createClient: (options?: client.HerokuOptions) => client.Heroku;
  };
type Heroku = client.Heroku;

export = Heroku;
