/**
 * Dyno links: list and info, restart (one dyno, one process type, or all:
 * 202 with `{}`), and stop. A stopped formation dyno is replaced at once, as on
 * Heroku (scale to zero to stop it for good); a stopped one-off dyno is gone.
 */
import type { StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext } from '../context.js';
import { byUser, logApi } from './app-log.js';
import {
  dynosOf,
  formationDynos,
  matchFormation,
  restartDyno,
  stopAndRemove,
} from './dyno-lifecycle.js';
import { formationEntry } from './formation-core.js';

/** Dyno link handlers (create lives with one-off dynos). */
export const dynoBehaviours: Readonly<Record<string, Behaviour>> = {
  'dyno.list': (ctx) => ({
    body: dynosOf(ctx.services, ctx.resolve('app_id_or_name')).map((d) => d.data),
  }),

  'dyno.info': (ctx) => ({ body: ctx.resolve('dyno_id_or_name').data }),

  'dyno.restartAll': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    logApi(ctx.services, app.id, `Restart all dynos ${byUser(ctx.account.email)}`);
    for (const dyno of formationDynos(ctx.services, app)) restartDyno(ctx.services, dyno);
    return { body: {} };
  },

  'dyno.restart': (ctx) => {
    const dyno = ctx.resolve('dyno_id_or_name');
    if (dyno.data.one_off === true) stopAndRemove(ctx.services, dyno);
    else restartDyno(ctx.services, dyno);
    return { body: {} };
  },

  'dyno.restartFormation': (ctx) => {
    for (const dyno of dynosOfType(ctx)) restartDyno(ctx.services, dyno);
    return { body: {} };
  },

  'dyno.stop': (ctx) => {
    stop(ctx, ctx.resolve('dyno_id_or_name'));
    return { body: {} };
  },

  'dyno.stopFormation': (ctx) => {
    for (const dyno of dynosOfType(ctx)) stop(ctx, dyno);
    return { body: {} };
  },
};

function dynosOfType(ctx: BehaviourContext): StoredRecord[] {
  const app = ctx.resolve('app_id_or_name');
  const type = ctx.params.dyno_formation_type ?? '';
  formationEntry(ctx.services, app, type);
  return formationDynos(ctx.services, app, type);
}

function stop(ctx: BehaviourContext, dyno: StoredRecord): void {
  stopAndRemove(ctx.services, dyno);
  if (dyno.data.one_off === true) return;
  const app = ctx.resolve('app_id_or_name');
  const entry = formationEntry(ctx.services, app, String(dyno.data.type));
  matchFormation(
    ctx.services,
    app,
    String(entry.data.type),
    Number(entry.data.quantity),
    entry.data,
  );
}
