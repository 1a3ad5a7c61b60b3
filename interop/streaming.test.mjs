/**
 * The official CLI's streaming commands against a fresh emulator: `run` (attached one-off dynos
 * over TLS rendezvous) and `logs` (a log session read as server-sent events).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertExit,
  assertOutput,
  assertStopped,
  createApp,
  deploySlug,
  startInterop,
} from './harness.mjs';

// A stream that never ends would otherwise hold the suite for the runner's default timeout.
const STREAM_TIMEOUT_MS = 20_000;

let interop;
before(async () => {
  interop = await startInterop();
  // One-off dynos run the app's current release, so the app gets a deployed slug first.
  await createApp(interop.api, 'stream-app');
  await deploySlug(interop.api, 'stream-app', { web: 'npm start' });
});
after(() => interop?.stop());

const heroku = (args, options = {}) =>
  interop.heroku(args, { timeoutMs: STREAM_TIMEOUT_MS, ...options });

test('run prints the output of a one-off dyno', async () => {
  const result = await heroku(['run', 'echo hi', '-a', 'stream-app']);
  assertExit(result);
  assert.equal(result.stdout, 'hi\n');
  assertOutput(result, 'stderr', /Running echo hi on stream-app\.\.\. up, run\.\d+/);
});

test('run --no-tty passes piped input to the dyno', async () => {
  const input = 'first line\nsecond line\n';
  const result = await heroku(['run', '--no-tty', 'cat', '-a', 'stream-app'], { input });
  assertExit(result);
  assert.equal(result.stdout, input);
});

test("run -x exits with the dyno's exit status", async () => {
  const result = await heroku(['run', '-x', 'exit 3', '-a', 'stream-app']);
  assertExit(result, 3);
  assertOutput(result, 'stderr', /Process exited with code 3/);
  assert.doesNotMatch(result.stdout, /heroku-command-exit-status/);
});

test("logs prints the app's recent log and ends", async () => {
  await createApp(interop.api, 'log-app');
  await interop.api.ok('PATCH', '/apps/log-app/config-vars', { FOO: 'bar' });
  const result = await heroku(['logs', '-a', 'log-app']);
  assertExit(result);
  assertOutput(
    result,
    'stdout',
    /^\S+ app\[api\]: Set FOO config vars by user user@example\.com$/m,
  );
});

test('logs --tail prints new lines as they happen until interrupted', async () => {
  await createApp(interop.api, 'tail-app');
  await interop.api.ok('PATCH', '/apps/tail-app/config-vars', { FOO: 'bar' });

  // Once the earlier line is shown the stream is live; a change made now must arrive on it.
  let changed = false;
  let changeFailed;
  const result = await heroku(['logs', '--tail', '-a', 'tail-app'], {
    onStdout(stdout) {
      if (changed || !stdout.includes('Set FOO config vars')) return;
      changed = true;
      interop.api.ok('PATCH', '/apps/tail-app/config-vars', { BAR: 'baz' }).catch((error) => {
        changeFailed = error;
      });
    },
    stopWhen: (stdout) => stdout.includes('Set BAR config vars'),
  });
  assert.equal(changeFailed, undefined);
  assertStopped(result);
  assertOutput(result, 'stdout', /app\[api\]: Set FOO config vars/);
  assertOutput(result, 'stdout', /app\[api\]: Set BAR config vars/);
});
