/**
 * heroku-client: a fluent, fully typed client for the Heroku Platform API v3.
 */
export * from './core/index.js';
export * from './resources/index.js';
