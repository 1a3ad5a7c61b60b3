/**
 * Answers requests that never reach the pipeline because Node's HTTP parser
 * refused them (oversized headers, an unknown method, a malformed request
 * line) or because they ask for a tunnel (CONNECT). Node's own answer has an
 * empty body; a client of the API expects Heroku's `{id, message}` envelope
 * on every error, so the emulator writes it itself and closes the connection.
 */
import type { Duplex } from 'node:stream';

const TOO_LARGE = new Set(['HPE_HEADER_OVERFLOW', 'HPE_CHUNK_EXTENSIONS_OVERFLOW']);

/** Writes a raw HTTP/1.1 answer carrying the envelope, then ends the socket. */
function endWithEnvelope(socket: Duplex, status: number, reason: string, message: string): void {
  const body = JSON.stringify({
    id: status === 405 ? 'method_not_allowed' : 'bad_request',
    message,
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** The `clientError` listener of the emulator's server. */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // Nothing can be answered on a connection that is already gone or half-answered.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  if (TOO_LARGE.has(error.code ?? '')) {
    endWithEnvelope(
      socket,
      431,
      'Request Header Fields Too Large',
      'Request headers are too large.',
    );
    return;
  }
  endWithEnvelope(socket, 400, 'Bad Request', 'The request is not valid HTTP/1.1.');
}

/** The `connect` listener: the API is no proxy, so CONNECT is refused. */
export function refuseConnect(_req: unknown, socket: Duplex): void {
  endWithEnvelope(socket, 405, 'Method Not Allowed', 'CONNECT is not supported by this API.');
}
