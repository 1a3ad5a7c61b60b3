/**
 * Sends hand-written HTTP/1.1 requests over a bare socket, so tests can send
 * what no well-behaved client library would (odd methods, bytes in paths,
 * oversized headers), and reads the answer back.
 */
import { connect } from 'node:net';

/** A request as written on the wire. */
export interface RawRequest {
  readonly method: string;
  /** The request target, written as is. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** What came back; `status` is 0 when the connection closed without an answer. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends `request` on a fresh connection (`Connection: close`) and reads until it closes. */
export function sendRaw(port: number, request: RawRequest): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // The server may refuse before reading everything (e.g. oversized headers): keep its answer.
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(parseAnswer(Buffer.concat(chunks))));

    const lines = [`${request.method} ${request.target} HTTP/1.1`, 'Host: 127.0.0.1'];
    for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
    const body = request.body ?? '';
    if (body.length > 0) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    lines.push('Connection: close', '', '');
    // One write: a head and a body in two small writes meet Nagle's delay on every request.
    socket.setNoDelay(true);
    socket.write(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), Buffer.from(body)]));
  });
}

function parseAnswer(raw: Buffer): RawAnswer {
  const text = raw.toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  if (split === -1) return { status: 0, headers: {}, body: text };
  const [statusLine = '', ...headerLines] = text.slice(0, split).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0);
  return { status, headers, body: text.slice(split + 4) };
}
