import { pause } from './api.js';
import { getStream, type StreamGetOptions, type StreamResponse } from './http-get.js';
import { LineDecoder } from './line-decoder.js';
import { parseSse } from './sse.js';

/** Options of `streamBuildOutput`. */
export interface StreamBuildOutputOptions extends StreamGetOptions {
  /** How many times a 404 (stream not there yet) is retried; 30 by default, as the CLI. */
  readonly notFoundRetries?: number;
  /** Wait between those retries, and before resuming a dropped stream; 1000 ms. */
  readonly retryDelayMs?: number;
  /** Resumptions of a dropped stream allowed in a row; 5 by default. */
  readonly maxResumes?: number;
}

/** An output stream that never appeared, or answered an error. */
export class OutputStreamError extends Error {
  override readonly name = 'OutputStreamError';

  constructor(readonly status: number) {
    super(status === 404 ? 'output stream not found' : `output stream answered HTTP ${status}`);
  }
}

/**
 * Yields the lines of a build's output (`build.output_stream_url`, or the build itself)
 * until the build ends. Waits while the stream answers 404, as it does until the build
 * starts; resumes a dropped stream where it stopped (`Range` on plain text). Aborting the
 * signal ends the iteration quietly.
 */
export async function* streamBuildOutput(
  build: string | { readonly output_stream_url?: string | null },
  options: StreamBuildOutputOptions = {},
): AsyncGenerator<string, void, undefined> {
  const url = typeof build === 'string' ? build : build.output_stream_url;
  if (!url) throw new TypeError('the build has no output_stream_url');

  const delay = options.retryDelayMs ?? 1000;
  const decoder = new LineDecoder();
  let received = 0;
  let notFound = 0;
  let drops = 0;

  while (!options.signal?.aborted) {
    let response: StreamResponse | undefined;
    try {
      const range: Record<string, string> = received > 0 ? { range: `bytes=${received}-` } : {};
      response = await getStream(url, 'text/plain', options, range);
      if (response.status === 404 && ++notFound <= (options.notFoundRetries ?? 30)) {
        await pause(delay, options.signal);
        continue;
      }
      if (response.status !== 200 && response.status !== 206) {
        throw new OutputStreamError(response.status);
      }

      if (response.contentType.startsWith('text/event-stream')) {
        for await (const event of parseSse(response.body)) yield* event.data.split('\n');
        return;
      }
      // A server that ignored Range sends everything again: skip what was seen.
      let skip = response.status === 200 ? received : 0;
      for await (const chunk of response.body) {
        const fresh = chunk.subarray(Math.min(skip, chunk.length));
        skip -= chunk.length - fresh.length;
        received += fresh.length;
        drops = 0;
        yield* decoder.push(fresh);
      }
      yield* decoder.end();
      return;
    } catch (error) {
      if (options.signal?.aborted) return;
      if (error instanceof OutputStreamError || ++drops > (options.maxResumes ?? 5)) throw error;
    } finally {
      response?.close();
    }
    await pause(delay, options.signal);
  }
}
