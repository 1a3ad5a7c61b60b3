/**
 * Release links. Create (a slug) and Rollback (`release`: an id or a version)
 * share `POST /apps/{app}/releases`; the pipeline picks the link by body. A
 * rollback is a new release, "Rollback to vN", running vN's slug and config.
 * List and info keep the generic behaviour: releases are ordinary records
 * under the app, found by id or version.
 */
import { invalidParams, notFound } from '../../http/errors.js';
import type { Behaviour } from '../context.js';
import { byUser, logApi } from './app-log.js';
import { releaseConfig } from './config-store.js';
import { isObject, stringAt } from './records.js';
import { createRelease, releasesOf } from './release-core.js';

/** Release link handlers. */
export const releaseBehaviours: Readonly<Record<string, Behaviour>> = {
  'release.create': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    const { store } = ctx.services;
    // Cedar apps release slugs; OCI images belong to Fir apps, which are not emulated.
    const slugId = stringAt(ctx.body, 'slug');
    if (slugId === undefined) throw invalidParams('A slug is required to create a release.');
    const slug = store.get('slug', slugId);
    if (slug === undefined || slug.parents.app !== app.id) throw notFound('slug');

    const label = (stringAt(slug.data, 'commit') ?? slugId).slice(0, 8);
    const description = stringAt(ctx.body, 'description') ?? `Deploy ${label}`;
    logApi(ctx.services, app.id, `Deploy ${label} ${byUser(ctx.account.email)}`);
    const release = createRelease(ctx.services, { app, user: ctx.account, description, slugId });
    return { body: release.data };
  },

  'release.rollback': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    const wanted = String(isObject(ctx.body) ? ctx.body.release : '').replace(/^v/, '');
    const target = releasesOf(ctx.services, app).find(
      (r) => r.id === wanted || String(r.data.version) === wanted,
    );
    if (target === undefined) throw notFound('release');

    const slug = target.data.slug as { id?: unknown } | null;
    const description = `Rollback to v${String(target.data.version)}`;
    logApi(ctx.services, app.id, `${description} ${byUser(ctx.account.email)}`);
    const release = createRelease(ctx.services, {
      app,
      user: ctx.account,
      description,
      slugId: typeof slug?.id === 'string' ? slug.id : null,
      config: releaseConfig(ctx.services.store, target),
    });
    return { body: release.data };
  },
};
