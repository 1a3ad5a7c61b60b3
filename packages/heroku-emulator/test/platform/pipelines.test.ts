import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventually, failure, newApp, type Platform, startPlatform } from './helpers.js';

type Pipeline = { id: string; name: string };
type Stage = 'test' | 'review' | 'development' | 'staging' | 'production';
type Coupling = { id: string; stage: string; pipeline: { id: string; name?: string } };
type Release = { id: string; version: number; description: string; slug: { id: string } | null };
type Target = { app: { id: string }; status: string; release: { id: string } | null };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

async function pipelineWith(stages: Record<string, Stage>): Promise<Pipeline> {
  const pipeline = (await p.alice.pipelines().create({ name: 'shop' })) as Pipeline;
  for (const [app, stage] of Object.entries(stages)) {
    await p.alice.pipelineCouplings().create({ app, pipeline: pipeline.id, stage });
  }
  return pipeline;
}

/** Deploys a slug on `app` and returns its id. */
async function deploy(app: string): Promise<string> {
  const slug = (await p.alice
    .apps(app)
    .slugs()
    .create({ process_types: { web: 'node server.js' } })) as { id: string };
  await p.alice.post(`/apps/${app}/releases`, { body: { slug: slug.id } });
  return slug.id;
}

test('pipelines are found by name with eq[name]', async () => {
  await p.alice.pipelines().create({ name: 'blog' });
  const found = (await p.alice.get('/pipelines?eq[name]=blog')) as Pipeline[];
  assert.deepEqual(
    found.map((x) => x.name),
    ['blog'],
  );
});

test("an app's coupling names its pipeline and stage", async () => {
  const app = await newApp(p.alice);
  const pipeline = await pipelineWith({ [app]: 'staging' });
  const coupling = (await p.alice.apps(app).pipelineCouplings().infoByApp()) as Coupling;
  assert.equal(coupling.stage, 'staging');
  assert.deepEqual(coupling.pipeline, { id: pipeline.id, name: 'shop' });
});

test('an app in no pipeline has no coupling: 404', async () => {
  const app = await newApp(p.alice);
  const error = await failure(p.alice.apps(app).pipelineCouplings().infoByApp());
  assert.equal(error.status, 404);
});

test('an app is in one pipeline only', async () => {
  const app = await newApp(p.alice);
  await pipelineWith({ [app]: 'staging' });
  const other = (await p.alice.pipelines().create({ name: 'other' })) as Pipeline;
  const error = await failure(
    p.alice.pipelineCouplings().create({ app, pipeline: other.id, stage: 'production' }),
  );
  assert.equal(error.status, 422);
});

test('a pipeline lists its couplings', async () => {
  const staging = await newApp(p.alice);
  const production = await newApp(p.alice);
  const pipeline = await pipelineWith({ [staging]: 'staging', [production]: 'production' });
  const couplings = (await p.alice
    .pipelines(pipeline.id)
    .pipelineCouplings()
    .listByPipeline()) as Coupling[];
  assert.deepEqual(couplings.map((c) => c.stage).sort(), ['production', 'staging']);
});

test("a promotion releases the source's slug on each target", async () => {
  const staging = await newApp(p.alice);
  const production = await newApp(p.alice);
  const pipeline = await pipelineWith({ [staging]: 'staging', [production]: 'production' });
  const slugId = await deploy(staging);
  const stagingApp = (await p.alice.apps(staging).info()) as { id: string };
  const productionApp = (await p.alice.apps(production).info()) as { id: string };
  const sourceVersion = ((await p.alice.apps(staging).releases().list()) as Release[]).length;

  const promotion = (await p.alice.pipelinePromotions().create({
    pipeline: { id: pipeline.id },
    source: { app: { id: stagingApp.id } },
    targets: [{ app: { id: productionApp.id } }],
  })) as { id: string; status: string };
  assert.equal(promotion.status, 'pending');

  const targets = await eventually(
    () => p.alice.pipelinePromotions(promotion.id).promotionTargets().list() as Promise<Target[]>,
    (list) => list.every((t) => t.status !== 'pending'),
  );
  assert.deepEqual(
    targets.map((t) => t.status),
    ['succeeded'],
  );
  const releases = (await p.alice.apps(production).releases().list()) as Release[];
  const latest = releases.sort((a, b) => b.version - a.version)[0];
  assert.equal(latest?.id, targets[0]?.release?.id);
  assert.equal(latest?.slug?.id, slugId);
  assert.equal(latest?.description, `Promote ${staging} v${sourceVersion}`);
});

test('a finished promotion is completed', async () => {
  const staging = await newApp(p.alice);
  const production = await newApp(p.alice);
  const pipeline = await pipelineWith({ [staging]: 'staging', [production]: 'production' });
  await deploy(staging);
  const ids = await Promise.all(
    [staging, production].map(async (a) => ((await p.alice.apps(a).info()) as { id: string }).id),
  );
  const promotion = (await p.alice.pipelinePromotions().create({
    pipeline: { id: pipeline.id },
    source: { app: { id: ids[0] ?? '' } },
    targets: [{ app: { id: ids[1] ?? '' } }],
  })) as { id: string };
  const done = await eventually(
    () => p.alice.pipelinePromotions(promotion.id).info() as Promise<{ status: string }>,
    (x) => x.status === 'completed',
  );
  assert.equal(done.status, 'completed');
});

test('promoting an app with no slug fails the target', async () => {
  const staging = await newApp(p.alice);
  const production = await newApp(p.alice);
  const pipeline = await pipelineWith({ [staging]: 'staging', [production]: 'production' });
  const ids = await Promise.all(
    [staging, production].map(async (a) => ((await p.alice.apps(a).info()) as { id: string }).id),
  );
  const promotion = (await p.alice.pipelinePromotions().create({
    pipeline: { id: pipeline.id },
    source: { app: { id: ids[0] ?? '' } },
    targets: [{ app: { id: ids[1] ?? '' } }],
  })) as { id: string };
  const targets = await eventually(
    () => p.alice.pipelinePromotions(promotion.id).promotionTargets().list() as Promise<Target[]>,
    (list) => list.every((t) => t.status !== 'pending'),
  );
  assert.deepEqual(
    targets.map((t) => t.status),
    ['failed'],
  );
});
