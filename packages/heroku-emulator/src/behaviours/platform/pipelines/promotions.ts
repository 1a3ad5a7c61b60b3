/**
 * Pipeline promotions: the source app's current slug is released on each
 * target app ("Promote <source> vN", the target keeps its own config). The
 * promotion answers `pending` with one `pending` target per app, and shortly
 * after is `completed`, each target `succeeded` with its new release (or
 * `failed` with a message when the source has nothing to promote).
 */
import { randomUUID } from 'node:crypto';
import { invalidParams } from '../../../http/errors.js';
import type { JsonObject, StoredRecord } from '../../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult, Services } from '../../context.js';
import { createRelease, currentRelease, currentSlugId } from '../../workflows/index.js';
import { bodyOf, identityAt, isObject, putRecord, saveData, stringAt } from '../common.js';
import { visibleBy } from './pipelines.js';

/** How long a promotion stays `pending`. */
export const PROMOTION_MS = 50;

/** Promotion handlers by link id. */
export const promotionBehaviours: Readonly<Record<string, Behaviour>> = {
  'pipeline-promotion.create': createPromotion,
};

function createPromotion(ctx: BehaviourContext): BehaviourResult {
  const { services } = ctx;
  const { store } = services;
  const body = bodyOf(ctx);
  const pipeline = visibleBy(ctx, 'pipeline', identityAt(body, 'pipeline') ?? '');
  const sourceAppId = isObject(body.source) ? identityAt(body.source, 'app') : undefined;
  const source = visibleBy(ctx, 'app', sourceAppId ?? '');
  const targets = (Array.isArray(body.targets) ? body.targets : [])
    .map((t: unknown) => (isObject(t) ? identityAt(t, 'app') : undefined))
    .map((id) => visibleBy(ctx, 'app', id ?? ''));
  if (targets.length === 0) throw invalidParams('At least one target app is required.');
  if (targets.some((t) => t.id === source.id)) {
    throw invalidParams('Cannot promote from an app to itself.');
  }

  const stamp = services.now().toISOString();
  const id = randomUUID();
  const release = currentRelease(services, source);
  const data: JsonObject = {
    created_at: stamp,
    id,
    pipeline: { id: pipeline.id },
    source: { app: { id: source.id }, release: { id: release?.id ?? null } },
    status: 'pending',
    updated_at: stamp,
  };
  const promotion: StoredRecord = {
    collection: 'pipeline-promotion',
    id,
    data,
    parents: { pipeline: pipeline.id },
    owner: ctx.account.id,
  };
  putRecord(store, promotion);
  const targetIds = targets.map((app) => {
    const targetId = randomUUID();
    putRecord(store, {
      collection: 'pipeline-promotion-target',
      id: targetId,
      data: {
        app: { id: app.id },
        error_message: null,
        id: targetId,
        pipeline_promotion: { id },
        release: null,
        status: 'pending',
      },
      parents: { 'pipeline-promotion': id },
      owner: ctx.account.id,
    });
    return targetId;
  });

  const user = { id: ctx.account.id, email: ctx.account.email };
  services.defer(() => complete(services, promotion.id, source.id, targetIds, user), PROMOTION_MS);
  return { status: 201, body: data };
}

/** Releases the source's slug on every target and marks the promotion completed. */
function complete(
  services: Services,
  promotionId: string,
  sourceId: string,
  targetIds: readonly string[],
  user: { id: string; email: string },
): void {
  const { store } = services;
  const source = store.get('app', sourceId);
  const slugId = source === undefined ? null : currentSlugId(services, source);
  const version = source === undefined ? undefined : currentRelease(services, source)?.data.version;

  for (const targetId of targetIds) {
    const target = store.get('pipeline-promotion-target', targetId);
    if (target === undefined) continue;
    const app = store.get('app', stringAt(target.data.app, 'id') ?? '');
    if (source === undefined || app === undefined || slugId === null) {
      const reason = slugId === null ? 'The source app has no slug to promote.' : 'App not found.';
      saveData(store, target, { ...target.data, status: 'failed', error_message: reason });
      continue;
    }
    const release = createRelease(services, {
      app,
      user,
      description: `Promote ${String(source.data.name)} v${String(version)}`,
      slugId,
    });
    saveData(store, target, { ...target.data, status: 'succeeded', release: { id: release.id } });
  }
  const promotion = store.get('pipeline-promotion', promotionId);
  if (promotion !== undefined) {
    const stamp = services.now().toISOString();
    saveData(store, promotion, { ...promotion.data, status: 'completed', updated_at: stamp });
  }
}
