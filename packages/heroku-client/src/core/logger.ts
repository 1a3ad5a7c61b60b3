/**
 * Logging: silent unless debugging is switched on (option `debug` or
 * HEROKU_DEBUG), through an injectable logger. Secrets print as `***`: the
 * values of credential headers always, and the token wherever it appears.
 */

/**
 * Where the client writes. `debug` receives request traces, `warn` the API's
 * warning headers; a heroku-client 3 logger with only `log()` works too.
 */
export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
  log?(message: string): void;
}

const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'heroku-two-factor-code',
  'heroku-password',
  'heroku-password-base64',
]);

const SECRET_NAME = /token|secret|password|passwd|api-key|apikey|session/i;

/** True when a header's value must never be printed. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase()) || SECRET_NAME.test(name);
}

/** Headers as `name: value` lines, secret values replaced by `***`. */
export function formatHeaders(headers: Readonly<Record<string, unknown>>): string {
  const lines: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    lines.push(`  ${name}: ${isSecretHeader(name) ? '***' : String(value)}`);
  }
  return lines.join('\n');
}

/** Replaces every occurrence of each secret in `text` by `***`. */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 4) out = out.split(secret).join('***');
  }
  return out;
}

/** A copy of `headers` with secret headers as `***` and secrets removed from the rest. */
export function redactHeaders(
  headers: Readonly<Record<string, string>>,
  secrets: readonly (string | undefined)[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name] as string;
    out[name] = isSecretHeader(name) ? '***' : redact(value, secrets);
  }
  return out;
}

/** The client's view of its logger: switches read once, warnings told once each. */
export class Log {
  readonly debugEnabled: boolean;
  readonly headersEnabled: boolean;
  readonly #logger: Logger | undefined;
  readonly #warned = new Set<string>();

  constructor(logger: Logger | undefined, debug: boolean, headers: boolean) {
    this.#logger = logger;
    this.debugEnabled = debug || headers;
    this.headersEnabled = headers;
  }

  /** Writes a trace line; callers check `debugEnabled` first to skip building it. */
  debug(message: string, secrets: readonly (string | undefined)[]): void {
    const line = redact(message, secrets);
    const logger = this.#logger;
    if (logger?.debug) logger.debug(line);
    else if (logger?.log) logger.log(line);
    else process.stderr.write(`heroku-client ${line}\n`);
  }

  /** Surfaces an API warning the first time its text is seen. */
  warnOnce(message: string): void {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    const logger = this.#logger;
    if (logger?.warn) logger.warn(message);
    else if (logger?.log) logger.log(message);
    else process.emitWarning(message, { code: 'HEROKU_API_WARNING' });
  }
}

/** True when an environment switch such as HEROKU_DEBUG is on. */
export function envSwitch(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}
