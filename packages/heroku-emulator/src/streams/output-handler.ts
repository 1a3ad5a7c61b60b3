import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OutputBuffer } from './output-buffer.js';
import {
  lastEventId,
  pickFormat,
  type StreamFormat,
  sendStreamError,
  startStream,
  writeLine,
} from './stream-response.js';

/**
 * Serves an `output_stream_url`: 404 until the job starts, then what was written so far and
 * everything after, ending when the job ends. Plain text by default (what the official CLI
 * pipes to the terminal), SSE on request. A reader resumes with `Range: bytes=N-` (plain)
 * or `Last-Event-ID` (SSE, whose ids are byte offsets).
 */
export function serveOutput(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  output: OutputBuffer,
  options: { retryMs: number },
): void {
  if (!output.started) {
    sendStreamError(res, 404, 'Output stream not available yet');
    return;
  }

  const format = pickFormat(req, url, 'plain');
  const range = format === 'plain' ? /^bytes=(\d+)-$/.exec(req.headers.range ?? '') : null;
  const offset = Math.min(Number(range?.[1] ?? lastEventId(req) ?? 0), output.size);
  startStream(res, format, { status: range ? 206 : 200, retryMs: options.retryMs });

  const writer = createWriter(res, format, offset);
  writer.push(output.read(offset));
  if (output.ended) {
    writer.end();
    return;
  }

  const unsubscribe = output.subscribe((chunk) => (chunk ? writer.push(chunk) : writer.end()));
  res.on('close', unsubscribe);
}

/** Writes bytes as they come (plain) or as whole lines with byte-offset ids (SSE). */
function createWriter(res: ServerResponse, format: StreamFormat, start: number) {
  let offset = start;
  let partial = '';
  const decoder = new TextDecoder();

  return {
    push(chunk: Buffer) {
      if (format === 'plain') {
        res.write(chunk);
        return;
      }
      const lines = (partial + decoder.decode(chunk, { stream: true })).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        offset += Buffer.byteLength(line) + 1;
        writeLine(res, format, line.replace(/\r$/, ''), offset);
      }
    },
    end() {
      const rest = partial + decoder.decode();
      if (format === 'sse' && rest) writeLine(res, format, rest, offset + Buffer.byteLength(rest));
      res.end();
    },
  };
}
