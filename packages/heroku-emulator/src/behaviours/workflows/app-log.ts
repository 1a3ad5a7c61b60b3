/**
 * Writes workflow events to an app's log in Heroku's format: platform API
 * events come from `app[api]` ("Set FOO config vars by user a@b.c"), dyno
 * lifecycle events from `heroku[web.1]` ("State changed from starting to up").
 * Without a log hook nothing is written.
 */
import type { Services } from '../context.js';

/** Appends `message` as the platform API's own line (`app[api]`). */
export function logApi(services: Services, appId: string, message: string): void {
  append(services, appId, 'app', 'api', message);
}

/** Appends `message` as the platform's line about a dyno (`heroku[web.1]`). */
export function logDyno(services: Services, appId: string, dyno: string, message: string): void {
  append(services, appId, 'heroku', dyno, message);
}

function append(services: Services, appId: string, source: string, dyno: string, text: string) {
  services.hooks.appendLog?.({ appId, source, dyno, message: text, time: services.now() });
}

/** The `by user <email>` suffix of API log lines. */
export function byUser(email: unknown): string {
  return `by user ${String(email)}`;
}
