#!/usr/bin/env node
/**
 * `heroku-emulator`: starts the emulator, prints how to reach it, and serves
 * until interrupted.
 */
import { parseCli, startupText } from './cli-args.js';
import { startEmulator } from './emulator.js';

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCli>;
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  if ('usage' in options) {
    process.stdout.write(`${options.usage}\n`);
    return;
  }

  const defaultToken = !process.argv.some(
    (a) => a.startsWith('--token') || a.startsWith('--account'),
  );
  const emulator = await startEmulator(options);
  process.stdout.write(startupText(emulator, defaultToken));

  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `heroku-emulator: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
