/**
 * A transparent HTTP proxy on loopback that forwards every request to the API and remembers each
 * exchange, so a failing CLI command can be explained request by request (method, path, the
 * headers that change what the API answers, both bodies). Authorization is forwarded but never
 * recorded.
 */
import { createServer, request } from 'node:http';

/** Longest body excerpt kept per exchange. */
const BODY_LIMIT = 600;

/**
 * Starts a proxy in front of `targetUrl` (an `http://` base URL).
 * Resolves with `{ url, exchanges, take(), stop() }`; `take()` returns the exchanges recorded
 * since the last call.
 */
export async function startRecordingProxy(targetUrl) {
  const target = new URL(targetUrl);
  const exchanges = [];
  let taken = 0;

  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => forward(req, Buffer.concat(chunks), res));
  });

  function forward(req, body, res) {
    const exchange = describeRequest(req, body);
    exchanges.push(exchange);
    const headers = { ...req.headers, host: target.host };
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        const parts = [];
        answer.on('data', (chunk) => parts.push(chunk));
        answer.on('end', () => {
          const text = Buffer.concat(parts);
          exchange.response = describeResponse(answer, text);
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(text);
        });
      },
    );
    upstream.on('error', (error) => {
      exchange.response = { status: 502, error: error.message };
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'proxy_error', message: error.message }));
    });
    upstream.end(body);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    take() {
      const fresh = exchanges.slice(taken);
      taken = exchanges.length;
      return fresh;
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function describeRequest(req, body) {
  const pick = ['accept', 'range', 'accept-expansion', 'x-heroku-sudo'];
  const headers = {};
  for (const name of pick) {
    if (req.headers[name] !== undefined) headers[name] = req.headers[name];
  }
  return { method: req.method, path: req.url, headers, body: excerpt(body), response: undefined };
}

function describeResponse(answer, body) {
  const pick = ['content-type', 'content-range', 'next-range', 'location'];
  const headers = {};
  for (const name of pick) {
    if (answer.headers[name] !== undefined) headers[name] = answer.headers[name];
  }
  return { status: answer.statusCode, headers, body: excerpt(body) };
}

function excerpt(buffer) {
  if (buffer.length === 0) return '';
  const text = buffer.toString('utf8');
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}…(${text.length} chars)` : text;
}

/** Renders exchanges as compact lines for logs and assertion messages. */
export function formatExchanges(exchanges) {
  return exchanges
    .map((x) => {
      const headers = Object.entries(x.headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join(' | ');
      const lines = [`> ${x.method} ${x.path}  [${headers}]`];
      if (x.body) lines.push(`>   ${x.body}`);
      const r = x.response;
      if (!r) lines.push('< (no response)');
      else if (r.error) lines.push(`< ${r.status} ${r.error}`);
      else {
        const rh = Object.entries(r.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join(' | ');
        lines.push(`< ${r.status}  [${rh}]`);
        if (r.body) lines.push(`<   ${r.body}`);
      }
      return lines.join('\n');
    })
    .join('\n');
}
