/** One line of an app's log. */
export interface LogEntry {
  /** Increases with every line the buffer takes; SSE clients resume with it. */
  readonly seq: number;
  readonly time: Date;
  /** Where the line comes from: `app` (the app's output) or `heroku` (the platform). */
  readonly source: string;
  /** The process that wrote it: `web.1`, `run.2`, `router`, `api`, ... */
  readonly dyno: string;
  readonly message: string;
}

/** A line to append; `time` defaults to now. */
export interface LogInput {
  readonly source: string;
  readonly dyno: string;
  readonly message: string;
  readonly time?: Date;
}

/** Which lines a reader wants. */
export interface LogFilter {
  /** A dyno name (`web.1`) or a process type (`web`, matching `web.1`, `web.2`, ...). */
  readonly dyno?: string;
  readonly source?: string;
}

/** Logplex keeps the last 1,500 lines of an app. */
export const DEFAULT_LOG_CAPACITY = 1500;

/** Tells whether a line passes a filter. */
export function matchesFilter(entry: LogEntry, filter: LogFilter): boolean {
  if (filter.source && entry.source !== filter.source) return false;
  if (!filter.dyno) return true;
  return entry.dyno === filter.dyno || entry.dyno.startsWith(`${filter.dyno}.`);
}

/** The recent log lines of every app, with live subscribers for tailing readers. */
export class LogBuffer {
  readonly #apps = new Map<string, LogEntry[]>();
  readonly #listeners = new Map<string, Set<(entry: LogEntry) => void>>();
  readonly #capacity: number;
  #seq = 0;

  constructor(capacity = DEFAULT_LOG_CAPACITY) {
    this.#capacity = capacity;
  }

  /** Appends a line (a message with newlines becomes several lines) and wakes tailers. */
  append(app: string, input: LogInput): void {
    const lines = this.#apps.get(app) ?? [];
    this.#apps.set(app, lines);

    for (const message of input.message.split(/\r?\n/)) {
      const time = input.time ?? new Date();
      const entry: LogEntry = {
        seq: ++this.#seq,
        time,
        source: input.source,
        dyno: input.dyno,
        message,
      };
      lines.push(entry);
      for (const listener of this.#listeners.get(app) ?? []) listener(entry);
    }
    if (lines.length > this.#capacity) lines.splice(0, lines.length - this.#capacity);
  }

  /**
   * The last `lines` matching lines, oldest first; with `after`, every kept matching line
   * newer than that sequence number instead (a reconnecting reader).
   */
  recent(app: string, filter: LogFilter, lines: number, after?: number): LogEntry[] {
    const matching = (this.#apps.get(app) ?? []).filter((entry) => matchesFilter(entry, filter));
    if (after !== undefined) return matching.filter((entry) => entry.seq > after);
    return lines > 0 ? matching.slice(-lines) : [];
  }

  /** Calls `listener` for every new line of `app`; returns the unsubscribe function. */
  subscribe(app: string, listener: (entry: LogEntry) => void): () => void {
    const set = this.#listeners.get(app) ?? new Set();
    this.#listeners.set(app, set);
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(app);
    };
  }

  /** Drops an app's lines (the app was deleted). */
  forget(app: string): void {
    this.#apps.delete(app);
  }
}

/** Formats a line as Heroku does: `2026-01-01T12:00:00.000000+00:00 app[web.1]: message`. */
export function formatLogLine(entry: LogEntry): string {
  // Logplex prints microseconds and an explicit offset; Date only has milliseconds.
  const stamp = entry.time.toISOString().replace(/Z$/, '000+00:00');
  return `${stamp} ${entry.source}[${entry.dyno}]: ${entry.message}`;
}
