/**
 * A server on port 0 that records what it is asked and answers every call
 * with an empty JSON object, or an empty list for the paths it is told are lists.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface RecordingServer {
  readonly url: string;
  readonly requests: Recorded[];
  /** Answers this status and body to the next call only. */
  answerNext(status: number, body: unknown, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startRecordingServer(
  isList: (method: string, path: string) => boolean = () => false,
): Promise<RecordingServer> {
  const requests: Recorded[] = [];
  let next: { status: number; body: unknown; headers: Record<string, string> } | undefined;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      requests.push({
        method: req.method ?? '',
        url,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      const answer = next ?? {
        status: 200,
        body: isList(req.method ?? '', url.split('?')[0] ?? '') ? [] : {},
        headers: {},
      };
      next = undefined;
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(JSON.stringify(answer.body));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answerNext(status, body, headers = {}) {
      next = { status, body, headers };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
