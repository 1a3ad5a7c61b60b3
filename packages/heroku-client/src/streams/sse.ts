import { LineDecoder } from './line-decoder.js';

/** One Server-Sent Event. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
  /** The last `id` seen so far in the stream (SSE carries it over to later events). */
  readonly id: string | undefined;
}

/** Parses an SSE byte stream; `onRetry` receives the server's reconnect delay. */
export async function* parseSse(
  body: AsyncIterable<Uint8Array>,
  onRetry?: (ms: number) => void,
): AsyncGenerator<SseEvent> {
  const decoder = new LineDecoder();
  let id: string | undefined;
  let event = '';
  let data: string[] = [];

  const field = (line: string): SseEvent | undefined => {
    if (line === '') {
      const done =
        data.length > 0 ? { event: event || 'message', data: data.join('\n'), id } : undefined;
      event = '';
      data = [];
      return done;
    }
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
    else if (name === 'id' && !value.includes('\0')) id = value;
    else if (name === 'retry' && /^\d+$/.test(value)) onRetry?.(Number(value));
    return undefined;
  };

  for await (const chunk of body) {
    for (const line of decoder.push(chunk)) {
      const done = field(line);
      if (done) yield done;
    }
  }
  // An event cut off by the end of the stream is dropped, as EventSource does.
}
