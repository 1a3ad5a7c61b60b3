/** The official CLI's pipeline commands against a fresh emulator. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertExit, assertOutput, createApp, deploySlug, startInterop } from './harness.mjs';

let interop;
before(async () => {
  interop = await startInterop();
});
after(() => interop?.stop());

/** Creates a pipeline through the API with the given apps coupled at the given stages. */
async function pipelineWith(name, couplings) {
  const account = await interop.api.ok('GET', '/account');
  const pipeline = await interop.api.ok('POST', '/pipelines', {
    name,
    owner: { id: account.id, type: 'user' },
  });
  for (const [app, stage] of Object.entries(couplings)) {
    await createApp(interop.api, app);
    await interop.api.ok('POST', '/pipeline-couplings', { app, pipeline: pipeline.id, stage });
  }
  return pipeline;
}

test('pipelines:create creates a pipeline and couples the app at the given stage', async () => {
  await createApp(interop.api, 'shop-live');
  const args = ['pipelines:create', 'shop', '-a', 'shop-live', '--stage', 'production'];
  const result = await interop.heroku(args);
  assertExit(result);
  assertOutput(result, 'stderr', /Creating shop pipeline\.\.\. done/);
  assertOutput(result, 'stderr', /Adding shop-live to shop pipeline as production\.\.\. done/);

  const pipeline = await interop.api.ok('GET', '/pipelines/shop');
  const coupling = await interop.api.ok('GET', '/apps/shop-live/pipeline-couplings');
  assert.equal(coupling.pipeline.id, pipeline.id);
  assert.equal(coupling.stage, 'production');
});

test('pipelines:add couples another app to an existing pipeline', async () => {
  const pipeline = await pipelineWith('blog', { 'blog-live': 'production' });
  await createApp(interop.api, 'blog-stage');
  const args = ['pipelines:add', 'blog', '-a', 'blog-stage', '--stage', 'staging'];
  const result = await interop.heroku(args);
  assertExit(result);
  assertOutput(result, 'stderr', /Adding blog-stage to blog pipeline as staging\.\.\. done/);

  const coupling = await interop.api.ok('GET', '/apps/blog-stage/pipeline-couplings');
  assert.equal(coupling.pipeline.id, pipeline.id);
  assert.equal(coupling.stage, 'staging');
});

test("pipelines:promote releases the staging app's slug on the production app", async () => {
  await pipelineWith('store', { 'store-stage': 'staging', 'store-live': 'production' });
  const { slug } = await deploySlug(interop.api, 'store-stage', { web: 'npm start' });

  const result = await interop.heroku(['pipelines:promote', '-a', 'store-stage']);
  assertExit(result);
  assertOutput(result, 'stdout', /Starting promotion to production\.\.\./);
  assertOutput(result, 'stdout', /Promotion successful/);
  assertOutput(result, 'stdout', /^store-live:\s+succeeded$/m);

  const releases = await interop.api.ok('GET', '/apps/store-live/releases');
  const newest = [...releases].sort((a, b) => b.version - a.version)[0];
  assert.equal(newest?.slug?.id, slug.id);
});
