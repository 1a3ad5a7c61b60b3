import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { deploy, failure, type Workbench, workbench } from './helpers.js';

let bench: Workbench;
before(async () => {
  bench = await workbench();
});
after(() => bench.close());

/** An app whose slug declares web and worker. */
async function deployed(name: string): Promise<string> {
  await bench.heroku.apps().create({ name });
  await deploy(bench.heroku, name, { web: 'npm start', worker: 'node worker.js' });
  return name;
}

interface Entry {
  type: string;
  quantity: number;
  size: string;
  command: string;
}

async function scale(name: string, updates: Record<string, unknown>[]): Promise<Entry[]> {
  return (await bench.heroku.patch(`/apps/${name}/formation`, { body: { updates } })) as Entry[];
}

test('a new app has no formation until a slug is released', async () => {
  await bench.heroku.apps().create({ name: 'bare-app' });
  assert.deepEqual(await bench.heroku.apps('bare-app').formation().list(), []);
});

test('a deploy makes one entry per process type: web at 1, the others at 0', async () => {
  const name = await deployed('types-app');
  const entries = await bench.heroku.apps(name).formation().list();
  assert.deepEqual(entries.map((f) => [f.type, f.quantity, f.command]).sort(), [
    ['web', 1, 'npm start'],
    ['worker', 0, 'node worker.js'],
  ]);
});

test('a later deploy updates commands and drops types the slug no longer declares', async () => {
  const name = await deployed('redeploy-app');
  await deploy(bench.heroku, name, { web: 'node server.js' });
  const entries = await bench.heroku.apps(name).formation().list();
  assert.deepEqual(
    entries.map((f) => [f.type, f.command]),
    [['web', 'node server.js']],
  );
});

test('quantities sent as strings, as the CLI sends them, are absolute', async () => {
  const name = await deployed('string-qty-app');
  const [web] = await scale(name, [{ type: 'web', quantity: '3' }]);
  assert.equal(web?.quantity, 3);
});

test('relative quantities add to and take from the current one, never below 0', async () => {
  const name = await deployed('relative-app');
  const [up] = await scale(name, [{ type: 'web', quantity: '+2' }]);
  const [down] = await scale(name, [{ type: 'web', quantity: '-5' }]);
  assert.deepEqual([up?.quantity, down?.quantity], [3, 0]);
});

test('sizes in any letter case, also under the legacy size key, take the catalog name', async () => {
  const name = await deployed('size-app');
  const [viaSize] = await scale(name, [{ type: 'web', quantity: 1, size: 'Standard-2X' }]);
  const [viaDynoSize] = await scale(name, [{ type: 'web', dyno_size: { name: 'STANDARD-1X' } }]);
  assert.deepEqual([viaSize?.size, viaDynoSize?.size], ['standard-2X', 'standard-1X']);
});

test('an unknown process type answers 404 "Couldn\'t find that process type"', async () => {
  const name = await deployed('unknown-type-app');
  const error = await failure(scale(name, [{ type: 'clock', quantity: 1 }]));
  assert.equal(error.status, 404);
  assert.equal(error.message, "Couldn't find that process type (clock).");
});

test('an unknown size answers 422 and changes nothing', async () => {
  const name = await deployed('bad-size-app');
  const error = await failure(scale(name, [{ type: 'web', quantity: 2, size: 'Gigantic-9X' }]));
  assert.equal(error.status, 422);
  const web = await bench.heroku.apps(name).formation('web').info();
  assert.equal(web.quantity, 1);
});

test('a batch update changes several types at once and returns them', async () => {
  const name = await deployed('batch-app');
  const entries = await scale(name, [
    { type: 'web', quantity: 2 },
    { type: 'worker', quantity: 1 },
  ]);
  assert.deepEqual(
    entries.map((f) => [f.type, f.quantity]),
    [
      ['web', 2],
      ['worker', 1],
    ],
  );
});

test('one entry is updated by PATCH /apps/{app}/formation/{type}', async () => {
  const name = await deployed('single-app');
  const worker = await bench.heroku.apps(name).formation('worker').update({ quantity: 2 });
  assert.equal(worker.quantity, 2);
});

test('the app’s available dyno sizes come from the catalog', async () => {
  const name = await deployed('sizes-app');
  const sizes = (await bench.heroku.apps(name).availableDynoSizes().listAppDynoSizes()) as {
    name: string;
  }[];
  assert.ok(sizes.some((s) => s.name === 'standard-1X'));
});

test('a quantity above 100 per process type answers 422 in Heroku’s words, changing nothing', async () => {
  const name = await deployed('huge-qty-app');
  const standard = 'Cannot update to more than 100 Standard-2X size dynos per process type.';
  const basic = 'Cannot update to more than 100 Basic size dynos per process type.';
  const asked: (() => PromiseLike<unknown>)[] = [
    () => scale(name, [{ type: 'web', quantity: '99999999999999999999', size: 'Standard-2X' }]),
    () => scale(name, [{ type: 'web', quantity: '+10000000', size: 'Standard-2X' }]),
    () =>
      scale(name, [
        { type: 'worker', quantity: 1 },
        { type: 'web', quantity: 101 },
      ]),
    () => bench.heroku.apps(name).formation('web').update({ quantity: 10_000_000 }),
  ];
  const messages = [standard, standard, basic, basic];
  for (const [index, attempt] of asked.entries()) {
    const error = await failure(attempt());
    assert.deepEqual(
      [error.status, error.id, error.message],
      [422, 'invalid_params', messages[index]],
    );
  }
  const entries = await bench.heroku.apps(name).formation().list();
  assert.deepEqual(entries.map((f) => [f.type, f.quantity, f.size]).sort(), [
    ['web', 1, 'basic'],
    ['worker', 0, 'basic'],
  ]);
});

test('a quantity of exactly 100 is accepted', async () => {
  const name = await deployed('max-qty-app');
  const [worker] = await scale(name, [{ type: 'worker', quantity: 100, size: 'Standard-1X' }]);
  assert.equal(worker?.quantity, 100);
});

test('GET /dyno-sizes/{name} finds a size in any letter case', async () => {
  for (const spelling of ['Standard-2X', 'standard-2x', 'STANDARD-2X', 'standard-2X']) {
    const size = await bench.heroku.dynoSizes(spelling).info();
    assert.equal(size.name, 'standard-2X', spelling);
  }
});
