import { appPath, pause, type StreamingApi } from './api.js';
import { getStream, type StreamGetOptions, type StreamResponse } from './http-get.js';
import { LineDecoder } from './line-decoder.js';
import { parseSse } from './sse.js';

/** Options of `streamLogs`; the first four are the log session's own. */
export interface StreamLogsOptions extends StreamGetOptions {
  /** Lines of history to start with (the API's `lines`); 100 by default, as the CLI. */
  readonly lines?: number;
  /** Keep streaming new lines until stopped. */
  readonly tail?: boolean;
  /** Only this dyno (`web.1`) or process type (`web`). */
  readonly dyno?: string;
  /** Only this source: `app` or `heroku`. */
  readonly source?: string;
  /** Wait before reconnecting a dropped tail, unless the server sets SSE `retry`; 1000 ms. */
  readonly reconnectDelayMs?: number;
  /** Reconnection attempts in a row that may fail before giving up; 10 by default. */
  readonly maxReconnects?: number;
}

/** A log stream answered with something other than a stream. */
export class LogStreamError extends Error {
  override readonly name = 'LogStreamError';

  constructor(readonly status: number) {
    super(`log stream answered HTTP ${status}`);
  }
}

/**
 * Creates a log session for `app` and yields its log lines, e.g.
 * `2026-01-01T12:00:00.000000+00:00 app[web.1]: listening`. Without `tail` it ends after
 * the history; with `tail` it follows new lines, reconnecting when the stream drops (SSE
 * streams resume after the last event seen), until `signal` aborts or the loop breaks.
 * Stopping ends the iteration quietly.
 */
export async function* streamLogs(
  api: StreamingApi,
  app: string,
  options: StreamLogsOptions = {},
): AsyncGenerator<string, void, undefined> {
  const createSession = async (lines: number | undefined) => {
    const body = { lines, tail: options.tail ?? false, dyno: options.dyno, source: options.source };
    const session = (await api.post(appPath(app, '/log-sessions'), { body })) as {
      logplex_url?: unknown;
    };
    if (typeof session?.logplex_url !== 'string') {
      throw new TypeError('log session has no logplex_url');
    }
    return session.logplex_url;
  };

  let url = await createSession(options.lines ?? 100);
  const state: ReadState = { lastId: undefined, retryMs: options.reconnectDelayMs ?? 1000 };
  let failures = 0;

  while (!options.signal?.aborted) {
    let response: StreamResponse | undefined;
    try {
      response = await getStream(url, 'text/event-stream', options, resumeHeaders(state));
      if (options.tail && (response.status === 403 || response.status === 404)) {
        // The session expired: a new one picks up from now, without repeating history.
        url = await createSession(0);
        state.lastId = undefined;
        throw new LogStreamError(response.status);
      }
      if (response.status !== 200) throw new LogStreamError(response.status);

      for await (const line of readLines(response, state)) {
        failures = 0;
        yield line;
      }
      if (!options.tail) return;
    } catch (error) {
      if (options.signal?.aborted) return;
      if (!options.tail || ++failures > (options.maxReconnects ?? 10)) throw error;
    } finally {
      response?.close();
    }
    await pause(state.retryMs, options.signal);
  }
}

interface ReadState {
  lastId: string | undefined;
  retryMs: number;
}

function resumeHeaders(state: ReadState): Record<string, string> {
  return state.lastId === undefined ? {} : { 'last-event-id': state.lastId };
}

/** Lines of one response: SSE events (several lines each, possibly) or plain text. */
async function* readLines(response: StreamResponse, state: ReadState): AsyncGenerator<string> {
  if (response.contentType.startsWith('text/event-stream')) {
    const events = parseSse(response.body, (ms) => {
      state.retryMs = ms;
    });
    for await (const event of events) {
      state.lastId = event.id;
      yield* event.data.split('\n');
    }
    return;
  }

  const decoder = new LineDecoder();
  for await (const chunk of response.body) yield* decoder.push(chunk);
  yield* decoder.end();
}
