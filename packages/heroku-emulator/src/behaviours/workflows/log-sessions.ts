/**
 * Log sessions: the streaming side hands out the `logplex_url` a client reads
 * the app's log from (SSE). Without a streaming side the URL is a path on the
 * emulator that answers that there is no such stream.
 */
import { randomUUID } from 'node:crypto';
import type { Behaviour } from '../context.js';
import { unservedStreamUrl } from './local-url.js';
import { isObject, stringAt } from './records.js';

/** `log-session.create`. */
export const createLogSession: Behaviour = (ctx) => {
  const app = ctx.resolve('app_id_or_name');
  const body = isObject(ctx.body) ? ctx.body : {};
  const id = randomUUID();
  // `lines: 0` asks for no history (a tail of new lines only); absent, the stream's default.
  const lines = /^\d+$/.test(String(body.lines ?? '')) ? Number(body.lines) : Number.NaN;
  const dyno = stringAt(body, 'dyno') ?? stringAt(body, 'type');
  const source = stringAt(body, 'source');
  const url = ctx.services.hooks.logSessionUrl?.({
    appId: app.id,
    appName: String(app.data.name),
    sessionId: id,
    ...(dyno === undefined ? {} : { dyno }),
    ...(source === undefined ? {} : { source }),
    ...(Number.isInteger(lines) && lines >= 0 ? { lines } : {}),
    tail: body.tail === true,
  });
  const stamp = ctx.services.now().toISOString();
  const logplex = url ?? unservedStreamUrl(ctx, 'logs', id);
  return { body: { id, logplex_url: logplex, created_at: stamp, updated_at: stamp } };
};
