/**
 * The part of a client the stream helpers need: one JSON POST resolving with the body.
 * A `Heroku` instance fits, and so does anything with the same `post`.
 */
export interface StreamingApi {
  post(path: string, options: { body: unknown; signal?: AbortSignal }): PromiseLike<unknown>;
}

/** Connection settings shared by the stream helpers. */
export interface StreamConnectionOptions {
  /** Stops the stream; helpers end quietly (or reject with the signal's reason, see each). */
  readonly signal?: AbortSignal;
  /** Extra certificate authorities to trust, added to Node's own roots. */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
}

/** Encodes an app name or id for a path, refusing values that would change the path. */
export function appPath(app: string, rest: string): string {
  if (app === '' || app === '.' || app === '..' || app.includes('/')) {
    throw new TypeError(`invalid app identifier: ${JSON.stringify(app)}`);
  }
  return `/apps/${encodeURIComponent(app)}${rest}`;
}

/** The extra CAs as a list. */
export function caList(ca: StreamConnectionOptions['ca']): (string | Buffer)[] {
  if (ca === undefined) return [];
  return Array.isArray(ca) ? [...ca] : [ca as string | Buffer];
}

/** Resolves after `ms`, or early (without error) when `signal` aborts. */
export function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
