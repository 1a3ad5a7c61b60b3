import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../src/index.js';

/** The Accept header every Heroku client sends. */
export const ACCEPT = 'application/vnd.heroku+json; version=3';

/** A response with its body read. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

/** Options of one call. */
export interface CallOptions {
  readonly token?: string;
  readonly headers?: Record<string, string>;
  /** A value to send as JSON, or raw text when a string. */
  readonly body?: unknown;
}

/** Starts an emulator on a free port, quiet. */
export function start(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({ port: 0, logLevel: 'silent', ...options });
}

/** Calls the emulator with Bearer auth and the versioned Accept unless overridden. */
export async function call(
  emulator: RunningEmulator,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    Accept: ACCEPT,
    Authorization: `Bearer ${options.token ?? emulator.token}`,
    ...options.headers,
  };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(emulator.url + path, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** Creates an app and returns its name. */
export async function createApp(emulator: RunningEmulator, name: string, token?: string) {
  const reply = await call(emulator, 'POST', '/apps', { body: { name }, token });
  if (reply.status !== 201) throw new Error(`app create answered ${reply.status}: ${reply.text}`);
  return name;
}
