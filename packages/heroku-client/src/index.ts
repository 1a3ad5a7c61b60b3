/**
 * heroku-client: a fluent, fully typed client for the Heroku Platform API v3.
 *
 * `import { Heroku } from 'heroku-client'` or, as heroku-client 3 users wrote,
 * `import Heroku from 'heroku-client'` and `const Heroku = require('heroku-client')`.
 */
export * from './core/index.js';
export { default } from './core/index.js';
export * from './resources/index.js';
export * from './streams/index.js';
