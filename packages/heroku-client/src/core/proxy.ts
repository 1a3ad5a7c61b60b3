/**
 * Chooses the proxy for the API host from the environment, once per client.
 * HEROKU_HTTP_PROXY_HOST/PORT/AUTH (heroku-client 3) win over the conventional
 * HTTPS_PROXY/HTTP_PROXY; NO_PROXY exempts hosts from either.
 */

/** Environment variables, as `process.env` holds them. */
export type Environment = Readonly<Record<string, string | undefined>>;

function read(env: Environment, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function legacyProxy(env: Environment): string | undefined {
  const host = read(env, 'HEROKU_HTTP_PROXY_HOST');
  if (host === undefined) return undefined;
  const port = read(env, 'HEROKU_HTTP_PROXY_PORT') ?? '8080';
  const auth = read(env, 'HEROKU_HTTP_PROXY_AUTH');
  const credentials = auth === undefined ? '' : `${encodeCredentials(auth)}@`;
  return `http://${credentials}${host}:${port}`;
}

function encodeCredentials(auth: string): string {
  const colon = auth.indexOf(':');
  if (colon < 0) return encodeURIComponent(auth);
  const user = encodeURIComponent(auth.slice(0, colon));
  return `${user}:${encodeURIComponent(auth.slice(colon + 1))}`;
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/** True when NO_PROXY names the target: `*`, a host, a `.domain` suffix, or `host:port`. */
export function isExempt(target: URL, noProxy: string | undefined): boolean {
  if (noProxy === undefined) return false;
  const host = target.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = target.port || defaultPort(target.protocol);
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    if (entry === '*') return true;
    const match = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\](?=:|$)/g, ''));
    const name = (match?.[1] ?? entry).replace(/^\*?\./, '.');
    if (match?.[2] !== undefined && match[2] !== port) continue;
    if (name.startsWith('.') ? host.endsWith(name) || host === name.slice(1) : host === name) {
      return true;
    }
  }
  return false;
}

/** The proxy URL for requests to `target`, or undefined for a direct connection. */
export function resolveProxy(target: URL, env: Environment): string | undefined {
  const chosen =
    legacyProxy(env) ??
    (target.protocol === 'https:'
      ? (read(env, 'HTTPS_PROXY') ?? read(env, 'HTTP_PROXY'))
      : read(env, 'HTTP_PROXY'));
  if (chosen === undefined || isExempt(target, read(env, 'NO_PROXY'))) return undefined;
  return chosen;
}
