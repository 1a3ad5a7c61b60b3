import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatLogLine, type LogBuffer, matchesFilter } from './log-buffer.js';
import type { LogSession } from './log-sessions.js';
import { lastEventId, pickFormat, startStream, writeLine } from './stream-response.js';

/** Options of log streams. */
export interface LogStreamOptions {
  /** The SSE `retry` sent first, in milliseconds. */
  readonly retryMs: number;
}

/**
 * Serves a log session: the backlog (the last `lines` matching lines, or everything after
 * `Last-Event-ID` for a reconnecting reader), then, when tailing, every new matching line
 * until the client leaves. Without tail the response ends after the backlog.
 */
export function serveLogSession(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  session: LogSession,
  buffer: LogBuffer,
  options: LogStreamOptions,
): void {
  const format = pickFormat(req, url, 'sse');
  const resumeAfter = lastEventId(req);
  const backlog = buffer.recent(session.app, session.filter, session.lines, resumeAfter);

  startStream(res, format, { retryMs: options.retryMs });
  for (const entry of backlog) writeLine(res, format, formatLogLine(entry), entry.seq);
  if (!session.tail) {
    res.end();
    return;
  }

  const unsubscribe = buffer.subscribe(session.app, (entry) => {
    if (!matchesFilter(entry, session.filter)) return;
    writeLine(res, format, formatLogLine(entry), entry.seq);
  });
  res.on('close', unsubscribe);
}
