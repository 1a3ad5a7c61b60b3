/**
 * Starts heroku-emulator on a free loopback port in this process and reports
 * `{ port, token? }` to the parent, or `{ error }` while the emulator is not available.
 */
function report(message) {
  process.send(message);
}

let emulator;
try {
  const mod = await import('heroku-emulator');
  if (typeof mod.startEmulator !== 'function') throw new Error('it exports no startEmulator()');
  // The benchmark sends far more than Heroku's 4500 calls an hour; the bucket still runs.
  emulator = await mod.startEmulator({
    port: 0,
    host: '127.0.0.1',
    rateLimit: { capacity: Number.MAX_SAFE_INTEGER },
  });
} catch (error) {
  report({ error: `heroku-emulator: ${String(error?.message ?? error).split('\n')[0]}` });
  process.disconnect();
}

if (emulator !== undefined) {
  const url = emulator.url ?? emulator.origin;
  const port = emulator.port ?? (url ? Number(new URL(url).port) : undefined);
  if (typeof port !== 'number') report({ error: 'startEmulator() reported no port or url' });
  else report({ port, token: emulator.token });
  process.on('disconnect', () => process.exit(0));
}
