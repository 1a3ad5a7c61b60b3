/**
 * Pipelines and their couplings. Pipeline names are not unique, so the
 * official CLI looks them up with `GET /pipelines?eq[name]=<name>`; an app is
 * in at most one pipeline, at one stage; `GET /apps/{app}/pipeline-couplings`
 * is a 404 for an app in none. Couplings carry the pipeline's name next to its
 * id, which the CLI prints.
 */
import { randomUUID } from 'node:crypto';
import { invalidParams, notFound } from '../../../http/errors.js';
import { serialise } from '../../../shapes/serialise.js';
import type { JsonObject, StoredRecord } from '../../../store/store.js';
import { isVisible } from '../../access.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../../context.js';
import { objectShape } from '../../records.js';
import {
  bodyOf,
  identityAt,
  isObject,
  putRecord,
  ref,
  requiredString,
  stringAt,
} from '../common.js';

/** The stages an app may hold in a pipeline. */
const STAGES = new Set(['test', 'review', 'development', 'staging', 'production']);

/** Pipeline and coupling handlers by link id. */
export const pipelineBehaviours: Readonly<Record<string, Behaviour>> = {
  'pipeline.create': createPipeline,
  'pipeline.list': listPipelines,
  'pipeline-coupling.create': createCoupling,
  'pipeline-coupling.infoByApp': couplingOfApp,
  'pipeline-coupling.info': (ctx) => couplingAnswer(ctx, ctx.resolve('pipeline_coupling_id').data),
  'pipeline-coupling.update': updateCoupling,
  'pipeline-coupling.listByPipeline': (ctx) => {
    const pipeline = ctx.resolve('pipeline_id');
    return couplingAnswer(ctx, couplingsOf(ctx, { pipeline: pipeline.id }));
  },
  'pipeline-coupling.list': (ctx) => couplingAnswer(ctx, couplingsOf(ctx, {})),
  'pipeline-coupling.listByCurrentUser': (ctx) => couplingAnswer(ctx, couplingsOf(ctx, {})),
};

function createPipeline(ctx: BehaviourContext): BehaviourResult {
  const body = bodyOf(ctx);
  const name = requiredString(body, 'name');
  const stamp = ctx.services.now().toISOString();
  const owner = isObject(body.owner) ? body.owner : {};
  const id = randomUUID();
  const data: JsonObject = {
    created_at: stamp,
    generation: { id: null, name: stringAt(body.generation, 'name') ?? 'cedar' },
    id,
    name,
    owner: {
      id: stringAt(owner, 'id') ?? ctx.account.id,
      type: stringAt(owner, 'type') === 'team' ? 'team' : 'user',
    },
    updated_at: stamp,
  };
  putRecord(ctx.services.store, {
    collection: 'pipeline',
    id,
    data,
    parents: {},
    owner: ctx.account.id,
  });
  return { status: 201, body: data };
}

/** The caller's pipelines, filtered by `eq[name]=` when given. */
function listPipelines(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const name = ctx.query['eq[name]'];
  const pipelines = store
    .find('pipeline')
    .filter((p) => isVisible(store, p, ctx.account) || coupledToVisibleApp(ctx, p))
    .filter((p) => name === undefined || p.data.name === name);
  return { body: pipelines.map((p) => p.data) };
}

function coupledToVisibleApp(ctx: BehaviourContext, pipeline: StoredRecord): boolean {
  const { store } = ctx.services;
  return store
    .find('pipeline-coupling', { parents: { pipeline: pipeline.id } })
    .some((c) => isVisible(store, c, ctx.account));
}

function createCoupling(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const body = bodyOf(ctx);
  const stage = requiredString(body, 'stage');
  if (!STAGES.has(stage)) throw invalidParams(`Stage must be one of ${[...STAGES].join(', ')}.`);
  const app = visibleBy(ctx, 'app', requiredString(body, 'app'));
  const pipeline = visibleBy(ctx, 'pipeline', requiredString(body, 'pipeline'));
  if (store.find('pipeline-coupling', { parents: { app: app.id } }).length > 0) {
    throw invalidParams(`${String(app.data.name)} is already in a pipeline.`);
  }
  const stamp = ctx.services.now().toISOString();
  const id = randomUUID();
  const data: JsonObject = {
    app: { id: app.id },
    created_at: stamp,
    id,
    pipeline: ref(pipeline),
    stage,
    updated_at: stamp,
  };
  putRecord(store, {
    collection: 'pipeline-coupling',
    id,
    data,
    parents: { app: app.id, pipeline: pipeline.id },
    owner: ctx.account.id,
  });
  return { ...couplingAnswer(ctx, data), status: 201 };
}

function couplingOfApp(ctx: BehaviourContext): BehaviourResult {
  const app = ctx.resolve('app_id_or_name');
  const [coupling] = ctx.services.store.find('pipeline-coupling', { parents: { app: app.id } });
  if (coupling === undefined) throw notFound('pipeline-coupling');
  return couplingAnswer(ctx, coupling.data);
}

function updateCoupling(ctx: BehaviourContext): BehaviourResult {
  const coupling = ctx.resolve('pipeline_coupling_id');
  const stage = identityAt(bodyOf(ctx), 'stage');
  const data: JsonObject = { ...coupling.data, updated_at: ctx.services.now().toISOString() };
  if (stage !== undefined) {
    if (!STAGES.has(stage)) throw invalidParams(`Stage must be one of ${[...STAGES].join(', ')}.`);
    data.stage = stage;
  }
  ctx.services.store.put({ ...coupling, data });
  return couplingAnswer(ctx, data);
}

function couplingsOf(ctx: BehaviourContext, parents: Record<string, string>): JsonObject[] {
  const { store } = ctx.services;
  return store
    .find('pipeline-coupling', { parents })
    .filter((c) => isVisible(store, c, ctx.account))
    .map((c) => c.data);
}

/** Couplings as served: the target shape, plus the pipeline's current name. */
function couplingAnswer(ctx: BehaviourContext, body: JsonObject | JsonObject[]): BehaviourResult {
  const { store, shapes } = ctx.services;
  const shape = objectShape(shapes['pipeline-coupling']?.resource);
  const one = (data: JsonObject) => {
    const out = serialise(data, shape) as JsonObject;
    const pipeline = store.get('pipeline', stringAt(data.pipeline, 'id') ?? '');
    out.pipeline = { id: stringAt(data.pipeline, 'id') ?? null, name: pipeline?.data.name ?? null };
    return out;
  };
  return { body: Array.isArray(body) ? body.map(one) : one(body), serialised: true };
}

/** A record the caller can see, by id or name; 404 naming the resource otherwise. */
export function visibleBy(ctx: BehaviourContext, collection: string, value: string): StoredRecord {
  const { store } = ctx.services;
  const found = store
    .find(collection)
    .find((r) => (r.id === value || r.data.name === value) && isVisible(store, r, ctx.account));
  if (found === undefined) throw notFound(collection);
  return found;
}
