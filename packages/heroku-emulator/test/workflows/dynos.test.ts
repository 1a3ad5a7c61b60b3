import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deploy, eventually, failure, type Workbench, workbench } from './helpers.js';

let bench: Workbench;
const attached: string[] = [];
/** App log lines by app id, as `heroku[web.1]: State changed from starting to up`. */
const logs = new Map<string, string[]>();
before(async () => {
  bench = await workbench({
    streaming: {
      appendLog(line) {
        const lines = logs.get(line.appId) ?? [];
        lines.push(`${line.source}[${line.dyno}]: ${line.message}`);
        logs.set(line.appId, lines);
      },
      attachDyno(request) {
        attached.push(`${request.dynoName}:${request.command}:${request.env.GREETING}`);
        return `rendezvous://127.0.0.1:5001/${request.dynoId}`;
      },
    },
  });
});
after(() => bench.close());

interface DynoView {
  name: string;
  state: string;
  type: string;
  size: string;
  id: string;
}

async function deployed(name: string): Promise<string> {
  await bench.heroku.apps().create({ name });
  await deploy(bench.heroku, name, { web: 'npm start', worker: 'node worker.js' });
  return name;
}

/** The app's log lines from `heroku[...]` about dynos, after the first `skip` of them. */
async function dynoLog(name: string, skip = 0): Promise<string[]> {
  const app = await bench.heroku.apps(name).info();
  return (logs.get(app.id) ?? []).filter((l) => l.startsWith('heroku[')).slice(skip);
}

async function dynos(name: string): Promise<DynoView[]> {
  const list = (await bench.heroku.apps(name).dynos().list()) as DynoView[];
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

const allUp = (list: DynoView[]) => list.every((d) => d.state === 'up');

test('dynos follow the formation: scaling web to 2 runs web.1 and web.2', async () => {
  const name = await deployed('follow-app');
  await bench.heroku.apps(name).formation('web').update({ quantity: 2 });
  const list = await dynos(name);
  assert.deepEqual(
    list.map((d) => d.name),
    ['web.1', 'web.2'],
  );
});

test('a new dyno is starting first and up a moment later', async () => {
  const name = await deployed('boot-app');
  await eventually(() => dynos(name), allUp);
  assert.deepEqual(await dynoLog(name), [
    'heroku[web.1]: Starting process with command `npm start`',
    'heroku[web.1]: State changed from starting to up',
  ]);
});

test('scaling down stops the highest-numbered dynos', async () => {
  const name = await deployed('down-app');
  await bench.heroku.apps(name).formation('web').update({ quantity: 3 });
  await bench.heroku.apps(name).formation('web').update({ quantity: 1 });
  assert.deepEqual(
    (await dynos(name)).map((d) => d.name),
    ['web.1'],
  );
});

test('resizing a type restarts its dynos on the new size', async () => {
  const name = await deployed('resize-app');
  await eventually(() => dynos(name), allUp);
  const seen = (await dynoLog(name)).length;
  await bench.heroku.patch(`/apps/${name}/formation/web`, { body: { size: 'Standard-2X' } });
  const [web] = await dynos(name);
  assert.equal(web?.size, 'standard-2X');
  assert.deepEqual((await dynoLog(name, seen)).slice(0, 2), [
    'heroku[web.1]: Restarting',
    'heroku[web.1]: State changed from up to starting',
  ]);
});

test('restart all answers 202 with {} and restarts every formation dyno', async () => {
  const name = await deployed('restart-all-app');
  await bench.heroku.apps(name).formation('worker').update({ quantity: 1 });
  await eventually(() => dynos(name), allUp);
  const seen = (await dynoLog(name)).length;
  const reply = await bench.heroku.apps(name).dynos().restartAll().withResponse();
  assert.deepEqual([reply.status, reply.body], [202, {}]);
  const restarted = (await dynoLog(name, seen)).filter((l) => l.endsWith(': Restarting'));
  assert.deepEqual(restarted, ['heroku[web.1]: Restarting', 'heroku[worker.1]: Restarting']);
});

test('restarting one dyno by name leaves the others running', async () => {
  const name = await deployed('restart-one-app');
  await bench.heroku.apps(name).formation('web').update({ quantity: 2 });
  await eventually(() => dynos(name), allUp);
  const seen = (await dynoLog(name)).length;
  await bench.heroku.apps(name).dynos('web.2').restart();
  const restarted = (await dynoLog(name, seen)).filter((l) => l.endsWith(': Restarting'));
  assert.deepEqual(restarted, ['heroku[web.2]: Restarting']);
});

test('restarting a process type restarts only that type', async () => {
  const name = await deployed('restart-type-app');
  await bench.heroku.apps(name).formation('worker').update({ quantity: 1 });
  await eventually(() => dynos(name), allUp);
  const seen = (await dynoLog(name)).length;
  await bench.heroku.apps(name).formations('worker').restartFormation();
  const restarted = (await dynoLog(name, seen)).filter((l) => l.endsWith(': Restarting'));
  assert.deepEqual(restarted, ['heroku[worker.1]: Restarting']);
});

test('a stopped formation dyno is replaced by a new one of the same name', async () => {
  const name = await deployed('stop-app');
  const [before] = await dynos(name);
  await bench.heroku.apps(name).dynos('web.1').stop();
  const [after] = await dynos(name);
  assert.equal(after?.name, 'web.1');
  assert.notEqual(after?.id, before?.id);
});

test('new config restarts the formation dynos on the new release', async () => {
  const name = await deployed('config-restart-app');
  await eventually(() => dynos(name), allUp);
  const seen = (await dynoLog(name)).length;
  await bench.heroku.apps(name).configVars().update({ NEW: 'value' });
  const [web] = (await bench.heroku.apps(name).dynos().list()) as (DynoView & {
    release: { version: number };
  })[];
  assert.equal(web?.release.version, 4);
  assert.equal((await dynoLog(name, seen))[0], 'heroku[web.1]: Restarting');
});

test('one-off dynos are run.1, run.2, … with type run', async () => {
  const name = await deployed('run-app');
  const first = await bench.heroku.apps(name).dynos().create({ command: 'echo one' });
  const second = await bench.heroku.apps(name).dynos().create({ command: 'echo two' });
  assert.deepEqual([first.name, second.name, first.type], ['run.1', 'run.2', 'run']);
});

test('an attached one-off gets its attach_url from the rendezvous hook, with config in env', async () => {
  const name = await deployed('attach-app');
  await bench.heroku.apps(name).configVars().update({ GREETING: 'hello' });
  const dyno = await bench.heroku
    .apps(name)
    .dynos()
    .create({ command: 'bash', attach: true, env: { TERM: 'xterm' } });
  assert.equal(dyno.attach_url, `rendezvous://127.0.0.1:5001/${dyno.id}`);
  assert.ok(attached.includes('run.1:bash:hello'));
});

test('a detached one-off completes on its own and leaves the dyno list', async () => {
  const name = await deployed('detached-app');
  await bench.heroku.apps(name).dynos().create({ command: 'rake db:migrate' });
  const list = await eventually(
    () => dynos(name),
    (all) => !all.some((d) => d.type === 'run'),
  );
  assert.deepEqual(
    list.map((d) => d.name),
    ['web.1'],
  );
});

test('the dyno list shows formation dynos and one-offs together', async () => {
  const name = await deployed('mixed-app');
  await bench.heroku.apps(name).dynos().create({ command: 'bash', attach: true });
  assert.deepEqual(
    (await dynos(name)).map((d) => d.name),
    ['run.1', 'web.1'],
  );
});

test('an unknown dyno answers 404', async () => {
  const name = await deployed('missing-dyno-app');
  const error = await failure(bench.heroku.apps(name).dynos('web.9').info());
  assert.equal(error.status, 404);
});
