import { randomBytes, randomUUID } from 'node:crypto';
import type { LogFilter } from './log-buffer.js';

/** What `POST /apps/{app}/log-sessions` asked for. */
export interface LogSessionParams {
  /** The key the app's lines are kept under (the app's id is best: it survives renames). */
  readonly app: string;
  /** Lines of backlog to send first: 0 for none, 100 when absent, as the official CLI asks. */
  readonly lines?: number;
  /** Keep the stream open and push new lines. */
  readonly tail?: boolean;
  readonly dyno?: string;
  readonly source?: string;
}

/** A created log session; the token is the capability that the stream URL carries. */
export interface LogSession {
  readonly id: string;
  readonly token: string;
  readonly app: string;
  readonly lines: number;
  readonly tail: boolean;
  readonly filter: LogFilter;
  readonly createdAt: number;
}

/** Log sessions by id; each stays usable for `ttlMs` after creation. */
export class LogSessions {
  readonly #sessions = new Map<string, LogSession>();

  constructor(private readonly ttlMs = 60 * 60_000) {}

  /** Creates a session. */
  create(params: LogSessionParams): LogSession {
    this.#prune();
    const session: LogSession = {
      id: randomUUID(),
      token: randomBytes(16).toString('hex'),
      app: params.app,
      lines: Math.max(0, Math.trunc(params.lines ?? 100)),
      tail: params.tail === true,
      filter: { dyno: params.dyno || undefined, source: params.source || undefined },
      createdAt: Date.now(),
    };
    this.#sessions.set(session.id, session);
    return session;
  }

  /** The live session with this id and token, if any. */
  find(id: string, token: string | null): LogSession | undefined {
    const session = this.#sessions.get(id);
    if (!session || session.token !== token) return undefined;
    return Date.now() - session.createdAt < this.ttlMs ? session : undefined;
  }

  /** Drops every session of an app (the app was deleted). */
  forgetApp(app: string): void {
    for (const [id, session] of this.#sessions) if (session.app === app) this.#sessions.delete(id);
  }

  #prune(): void {
    const now = Date.now();
    for (const [id, session] of this.#sessions) {
      if (now - session.createdAt >= this.ttlMs) this.#sessions.delete(id);
    }
  }
}
