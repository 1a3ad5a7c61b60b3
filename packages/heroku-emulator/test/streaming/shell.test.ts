import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startBuiltinProcess } from '../../src/shell/index.js';

/** Runs a command in the built-in shell with `input` as stdin (ended), like a piped run. */
async function sh(command: string, input = '', env: Record<string, string> = {}) {
  const process = startBuiltinProcess({ command, env: { FOO: 'bar baz', ...env }, tty: false });
  let output = '';
  process.onOutput((chunk) => {
    output += chunk.toString();
  });
  process.write(Buffer.from(input));
  process.endInput();
  const { code } = await process.exited;
  return { code, output };
}

test('echo prints its arguments and the status is 0', async () => {
  assert.deepEqual(await sh('echo hi there'), { code: 0, output: 'hi there\n' });
});

test('exit N ends the shell with status N', async () => {
  assert.deepEqual(await sh('exit 3; echo never'), { code: 3, output: '' });
});

test('an unknown command fails with 127 and a not found message', async () => {
  assert.deepEqual(await sh('frobnicate --now'), {
    code: 127,
    output: 'sh: frobnicate: not found\n',
  });
});

test('$? holds the status of the previous command', async () => {
  assert.equal((await sh('false; echo $?; true; echo "$?"')).output, '1\n0\n');
});

test('&& runs on success and || on failure', async () => {
  const { output } = await sh('true && echo a || echo b; false && echo c || echo d');
  assert.equal(output, 'a\nd\n');
});

test('quotes keep spaces, single quotes keep $ literal, unquoted values split', async () => {
  const { output } = await sh(`printf '[%s]' "a  b" '$FOO' $FOO "$FOO"; echo`);
  assert.equal(output, '[a  b][$FOO][bar][baz][bar baz]\n');
});

test('config vars and request env are visible to env and printenv', async () => {
  const { output, code } = await sh('printenv FOO; env', '', { DYNO: 'run.1' });
  assert.equal(code, 0);
  assert.equal(output, 'bar baz\nDYNO=run.1\nFOO=bar baz\n');
});

test('printenv of an unset variable fails with 1', async () => {
  assert.deepEqual(await sh('printenv NOPE'), { code: 1, output: '' });
});

test('printf reuses its format while arguments remain', async () => {
  assert.equal((await sh('printf "%s=%d\\n" a 1 b 2')).output, 'a=1\nb=2\n');
});

test('cat copies stdin until it ends', async () => {
  assert.deepEqual(await sh('cat', 'line 1\nline 2\n'), { code: 0, output: 'line 1\nline 2\n' });
});

test('the exit marker the official CLI appends reports the status', async () => {
  const { output } = await sh('false ; echo "\uFFFF heroku-command-exit-status: $?"');
  assert.equal(output, '\uFFFF heroku-command-exit-status: 1\n');
});

test('assignments set variables, and before a command only reach that command', async () => {
  const { output } = await sh('X=1; echo $X; Y=2 printenv Y; echo "[$Y]"');
  assert.equal(output, '1\n2\n[]\n');
});

test('sh -c runs a nested script with its own exit', async () => {
  assert.equal((await sh('sh -c "echo in; exit 4"; echo $?')).output, 'in\n4\n');
});

test('a bare sh reads commands from stdin', async () => {
  assert.deepEqual(await sh('bash', 'echo one\nexit 6\necho never\n'), {
    code: 6,
    output: 'one\n',
  });
});

test('syntax the shell does not support fails with status 2 and says so', async () => {
  const { code, output } = await sh('echo a | wc -l');
  assert.equal(code, 2);
  assert.match(output, /not supported/);
});

test('an unterminated quote is a syntax error', async () => {
  assert.equal((await sh('echo "open')).code, 2);
});

test('an interrupt stops a running command with status 130', async () => {
  const process = startBuiltinProcess({ command: 'sleep 60; echo never', env: {}, tty: false });
  setImmediate(() => process.interrupt());
  assert.deepEqual(await process.exited, { code: 130, signal: 'SIGINT' });
});

test('names of Object members are plain names: unset variables, unknown commands', async () => {
  assert.deepEqual(await sh('echo "[$constructor][$toString]"; printenv hasOwnProperty'), {
    code: 1,
    output: '[][]\n',
  });
  assert.equal((await sh('constructor')).code, 127);
  assert.equal((await sh('__proto__')).code, 127);
  const { output } = await sh('echo $constructor $__proto__; printenv constructor', '', {
    constructor: 'set',
  });
  assert.equal(output, 'set\nset\n');
});
