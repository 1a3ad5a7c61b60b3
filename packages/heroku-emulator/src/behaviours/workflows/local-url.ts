/**
 * Stream URLs when no streaming side is installed. The schema's example URLs
 * point at Heroku's hosts, and a client following one would leave the machine;
 * a path on the emulator itself keeps clients local, and answers that there is
 * no such stream.
 */
import type { BehaviourContext } from '../context.js';

/** `http://<the host the caller reached>/streams/<kind>/<id>`. */
export function unservedStreamUrl(ctx: BehaviourContext, kind: string, id: string): string {
  const host = ctx.headers.host ?? '127.0.0.1';
  return `http://${host}/streams/${kind}/${id}`;
}
