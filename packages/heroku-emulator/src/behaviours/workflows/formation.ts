/**
 * Formation links: list and info of the entries the slug declared, and scaling
 * one entry or several at once (`{updates: [...]}`) with absolute or relative
 * quantities and sizes in any letter case. Scaling is logged as Heroku does:
 * `Scaled to web@2:Basic worker@1:Basic by user a@b.c`.
 */
import { invalidParams } from '../../http/errors.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext } from '../context.js';
import { byUser, logApi } from './app-log.js';
import { describeFormation, formationEntry, formationOf, scaleEntry } from './formation-core.js';
import { isObject, stringAt } from './records.js';

/** Formation link handlers. */
export const formationBehaviours: Readonly<Record<string, Behaviour>> = {
  'formation.list': (ctx) => ({
    body: formationOf(ctx.services, ctx.resolve('app_id_or_name')).map((f) => f.data),
  }),

  'formation.info': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    return { body: formationEntry(ctx.services, app, ctx.params.formation_id_or_type ?? '').data };
  },

  'formation.update': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    const entry = formationEntry(ctx.services, app, ctx.params.formation_id_or_type ?? '');
    const data = scaleEntry(ctx.services, app, entry, isObject(ctx.body) ? ctx.body : {});
    logScale(ctx, app);
    return { body: data };
  },

  'formation.batchUpdate': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    const updates = isObject(ctx.body) ? ctx.body.updates : undefined;
    if (!Array.isArray(updates)) throw invalidParams('updates must be an array.');

    // Every type is checked before anything changes, so a bad entry changes nothing.
    const entries = updates.map((update: unknown) => {
      const type = stringAt(update, 'type') ?? stringAt(update, 'process');
      if (type === undefined) throw invalidParams('Each update needs a type.');
      return [formationEntry(ctx.services, app, type), update as JsonObject] as const;
    });
    const body = entries.map(([entry, update]) => scaleEntry(ctx.services, app, entry, update));
    logScale(ctx, app);
    return { body };
  },
};

function logScale(ctx: BehaviourContext, app: StoredRecord): void {
  const words = describeFormation(ctx.services, app);
  logApi(ctx.services, app.id, `Scaled to ${words} ${byUser(ctx.account.email)}`);
}
