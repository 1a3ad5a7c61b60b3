import type * as ClientStreams from '../../../heroku-client/src/streams/index.js';
import type { OneOff } from '../../src/streams/index.js';
import type { StreamingFixture } from './support.js';

/**
 * The client's stream helpers, loaded from the client package's build. Its entry point does
 * not export them, and compiled tests sit one folder deeper than their sources, so the path
 * is resolved from this module's own location at run time.
 */
const client: typeof ClientStreams = await import(
  new URL('../../../../heroku-client/dist/src/streams/index.js', import.meta.url).href
);
export const { runAttached, streamLogs, streamBuildOutput } = client;

/** A POST as the client helpers make it. */
export interface RecordedPost {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/**
 * The two API routes the client helpers call, answered from the streaming hooks the way the
 * emulator's HTTP layer does (`POST /apps/{app}/dynos`, `POST /apps/{app}/log-sessions`).
 */
export function createApi(fixture: StreamingFixture, logsFormat?: 'plain') {
  const posts: RecordedPost[] = [];
  const oneOffs: OneOff[] = [];

  const post = async (path: string, options: { body: unknown }) => {
    const body = options.body as Record<string, unknown>;
    posts.push({ path, body });
    const app = decodeURIComponent(path.split('/')[2] ?? '');

    if (path.endsWith('/dynos')) {
      const name = `run.${oneOffs.length + 1}`;
      const oneOff = fixture.hooks.startOneOff({
        app,
        dyno: name,
        command: String(body.command),
        env: body.env as Record<string, string> | undefined,
        configVars: { APP_NAME: app },
        attach: body.attach === true,
        tty: body.attach === true && body.force_no_tty !== true,
        timeToLive: body.time_to_live as number | undefined,
      });
      oneOffs.push(oneOff);
      return { name, attach_url: oneOff.attachUrl, state: oneOff.state };
    }

    const session = fixture.hooks.createLogSession({ app, ...body });
    const url = logsFormat ? `${session.url}&format=${logsFormat}` : session.url;
    return { id: session.id, logplex_url: url };
  };
  return { post, posts, oneOffs };
}
