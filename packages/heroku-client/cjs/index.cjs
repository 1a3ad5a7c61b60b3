'use strict';
/**
 * The CommonJS entry: `const Heroku = require('heroku-client')` gives the
 * Heroku class, as heroku-client 3 did, with every named export of the package
 * also reachable on it (`require('heroku-client').NotFoundError`). The package
 * is written as ES modules, which Node 20.19 and later load from require(), so
 * both module systems share one implementation and the same classes.
 */
const client = require('../dist/bundle/index.js');

const Heroku = client.Heroku;

function expose(name, value) {
  if (!Object.hasOwn(Heroku, name)) {
    Object.defineProperty(Heroku, name, { value, enumerable: true });
  }
}

for (const name of Object.keys(client)) {
  if (name !== 'default') expose(name, client[name]);
}
expose('Heroku', Heroku);
expose('default', Heroku);
/** heroku-client 3 also offered a factory; it builds the same client. */
expose('createClient', (options) => new Heroku(options));

module.exports = Heroku;
