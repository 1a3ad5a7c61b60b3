/**
 * `npm start`: starts the emulator with its in-memory store, runs the tour with
 * the client against it, then keeps serving until Ctrl-C.
 */

import { Heroku } from 'heroku-client';
import { startEmulator } from 'heroku-emulator';
import { tour } from './tour.mjs';

const port = Number(process.env.PORT ?? 5000);
const emulator = await startEmulator({ port, logLevel: 'silent' });
console.log(`heroku-emulator listening on ${emulator.url}\n`);

const heroku = new Heroku({ baseUrl: emulator.url, token: emulator.token });
console.log('Tour of heroku-client against it:');
await tour(heroku, (line) => console.log(`  ${line}`));
await heroku.close();

// The emulator's token is a local test credential, printed so that other
// clients can be pointed at this emulator.
console.log(`
The emulator keeps serving at ${emulator.url} (account user@example.com, token ${emulator.token}).
Point the client at it:
  new Heroku({ baseUrl: '${emulator.url}', token: '${emulator.token}' })
or the official CLI:
  HEROKU_HOST=${emulator.url} HEROKU_API_KEY=${emulator.token} heroku apps
Press Ctrl-C to stop.`);

const stop = async () => {
  await emulator.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
