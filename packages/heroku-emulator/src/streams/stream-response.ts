import type { IncomingMessage, ServerResponse } from 'node:http';

/** How a stream is served: Server-Sent Events, or plain chunked text. */
export type StreamFormat = 'sse' | 'plain';

/**
 * Picks the format: `?format=plain|sse` wins, then the Accept header (the official CLI's
 * EventSource sends `text/event-stream`), then the stream's own default.
 */
export function pickFormat(req: IncomingMessage, url: URL, fallback: StreamFormat): StreamFormat {
  const asked = url.searchParams.get('format');
  if (asked === 'plain' || asked === 'sse') return asked;
  const accept = req.headers.accept ?? '';
  if (accept.includes('text/event-stream')) return 'sse';
  if (accept.includes('text/plain')) return 'plain';
  return fallback;
}

/** Writes the response head of a stream; SSE streams start with the reconnect delay. */
export function startStream(
  res: ServerResponse,
  format: StreamFormat,
  options: { status?: number; retryMs?: number } = {},
): void {
  res.writeHead(options.status ?? 200, {
    'content-type':
      format === 'sse' ? 'text/event-stream; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  // EventSource waits 3 s before it notices a closed stream unless told otherwise, which
  // makes the official CLI linger after every non-tail `heroku logs`.
  if (format === 'sse' && options.retryMs !== undefined) res.write(`retry: ${options.retryMs}\n\n`);
  res.flushHeaders();
}

/** Writes one line: an SSE event (with an id to resume from), or a line of text. */
export function writeLine(res: ServerResponse, format: StreamFormat, line: string, id?: number) {
  if (res.writableEnded || res.destroyed) return;
  if (format === 'plain') {
    res.write(`${line}\n`);
    return;
  }
  const data = line
    .replace(/\r/g, '')
    .split('\n')
    .map((part) => `data: ${part}\n`)
    .join('');
  res.write(`${id === undefined ? '' : `id: ${id}\n`}${data}\n`);
}

/** Answers a plain-text error on a stream URL (these URLs speak no JSON). */
export function sendStreamError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${message}\n`);
}

/** Parses a Last-Event-ID header into a sequence number. */
export function lastEventId(req: IncomingMessage): number | undefined {
  const value = req.headers['last-event-id'];
  if (typeof value !== 'string' || !/^\d+$/.test(value)) return undefined;
  return Number(value);
}

/** Open stream responses, so that shutting down ends them instead of hanging. */
export class OpenStreams {
  readonly #open = new Set<ServerResponse>();

  /** Tracks `res` until it closes. */
  add(res: ServerResponse): void {
    this.#open.add(res);
    res.on('close', () => this.#open.delete(res));
  }

  /** Ends every open stream. */
  endAll(): void {
    for (const res of this.#open) res.end();
    this.#open.clear();
  }
}
