import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Workbench, workbench } from './helpers.js';

let bench: Workbench;
before(async () => {
  bench = await workbench();
});
after(() => bench.close());

/** A fresh app for one test. */
async function app(name: string): Promise<string> {
  await bench.heroku.apps().create({ name });
  return name;
}

/** The newest release, asked for the way `heroku config:set` does. */
async function newest(name: string) {
  const [release] = await bench.heroku
    .apps(name)
    .releases()
    .list({ range: 'version ..; order=desc,max=1', partial: true });
  assert.ok(release);
  return release;
}

test('PATCH merges: given keys are set and the others stay', async () => {
  const name = await app('merge-app');
  await bench.heroku.apps(name).configVars().update({ A: '1', B: '2' });
  const vars = await bench.heroku.apps(name).configVars().update({ B: '3', C: '4' });
  assert.deepEqual(vars, { A: '1', B: '3', C: '4' });
});

test('a key set to null is removed and the whole remaining map is returned', async () => {
  const name = await app('unset-app');
  await bench.heroku.apps(name).configVars().update({ KEEP: 'k', DROP: 'd' });
  const vars = await bench.heroku.apps(name).configVars().update({ DROP: null });
  assert.deepEqual(vars, { KEEP: 'k' });
  assert.deepEqual(await bench.heroku.apps(name).configVars().infoForApp(), { KEEP: 'k' });
});

test('setting config vars makes a release "Set ... config vars" by the caller', async () => {
  const name = await app('set-release-app');
  await bench.heroku.apps(name).configVars().update({ FOO: 'bar', BAZ: 'q' });
  const release = await newest(name);
  assert.equal(release.version, 3);
  assert.equal(release.description, 'Set FOO, BAZ config vars');
  assert.equal(release.user.email, 'user@example.com');
  assert.equal(release.current, true);
});

test('removing config vars makes a release "Remove ... config vars"', async () => {
  const name = await app('remove-release-app');
  await bench.heroku.apps(name).configVars().update({ FOO: 'bar' });
  await bench.heroku.apps(name).configVars().update({ FOO: null });
  const release = await newest(name);
  assert.equal(release.version, 4);
  assert.equal(release.description, 'Remove FOO config vars');
});

test('a PATCH that changes nothing makes no release', async () => {
  const name = await app('noop-app');
  await bench.heroku.apps(name).configVars().update({ SAME: 'v' });
  await bench.heroku.apps(name).configVars().update({ SAME: 'v', GONE: null });
  assert.equal((await newest(name)).version, 3);
});

test('each release keeps the config it was made with', async () => {
  const name = await app('history-app');
  await bench.heroku.apps(name).configVars().update({ STEP: 'one' });
  await bench.heroku.apps(name).configVars().update({ STEP: 'two' });
  const v3 = await bench.heroku.apps(name).releases(3).configVars().infoForAppRelease();
  const v4 = await bench.heroku.apps(name).releases(4).configVars().infoForAppRelease();
  assert.deepEqual([v3, v4], [{ STEP: 'one' }, { STEP: 'two' }]);
});

test('a key breaking the \\w+ rule is refused with 422 and nothing changes', async () => {
  const name = await app('badkey-app');
  const reply = await fetch(`${bench.emulator.url}/apps/${name}/config-vars`, {
    method: 'PATCH',
    headers: {
      Accept: 'application/vnd.heroku+json; version=3',
      Authorization: `Bearer ${bench.emulator.token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ GOOD: 'x', 'BAD-KEY': 'y' }),
  });
  assert.equal(reply.status, 422);
  assert.deepEqual(await bench.heroku.apps(name).configVars().infoForApp(), {});
});

test('keys named after Object.prototype members are kept, returned and removable', async () => {
  const name = await app('proto-keys-app');
  const keys = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__'];
  // `__proto__` only survives as raw JSON text: an object literal would set a prototype.
  const text = `{${keys.map((key) => `"${key}":"v-${key}"`).join(',')}}`;
  const set = await bench.heroku.patch(`/apps/${name}/config-vars`, { body: text });
  const expected = Object.fromEntries(keys.map((key) => [key, `v-${key}`]));
  assert.equal(JSON.stringify(set), JSON.stringify(expected));
  const read = await bench.heroku.apps(name).configVars().infoForApp();
  assert.equal(JSON.stringify(read), JSON.stringify(expected));
  assert.equal((await newest(name)).description, `Set ${keys.join(', ')} config vars`);

  const removed = await bench.heroku.apps(name).configVars().update({ constructor: null });
  assert.deepEqual(Object.keys(removed as object), keys.slice(1));
  assert.equal((await newest(name)).description, 'Remove constructor config vars');
});
