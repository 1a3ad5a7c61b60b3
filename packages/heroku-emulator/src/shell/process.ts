/** How a one-off process ended: a shell-style status (128 + n when killed by signal n). */
export interface ExitStatus {
  readonly code: number;
  /** The signal that ended the process, when one did. */
  readonly signal: NodeJS.Signals | null;
}

/**
 * A running one-off command, whichever way it runs (built-in shell or a real `sh -c`). The
 * rendezvous connection feeds its stdin and forwards its merged output; the dyno's state
 * follows `exited`.
 */
export interface OneOffProcess {
  /** Bytes for the process's stdin; ignored after `endInput`. */
  write(chunk: Buffer): void;
  /** Ends stdin (the client sent EOT). */
  endInput(): void;
  /** Ctrl-C: interrupts the command, which ends it with status 130 unless it handles SIGINT. */
  interrupt(): void;
  /** Stops the process (time to live reached, dyno stopped or restarted, client gone). */
  stop(): void;
  /** Receives the merged stdout and stderr; output written before a listener is kept. */
  onOutput(listener: (chunk: Buffer) => void): void;
  /** Resolves once the process has ended and all its output was delivered. */
  readonly exited: Promise<ExitStatus>;
}

/** Output fan-out that keeps early output until the first listener arrives. */
export class OutputChannel {
  readonly #pending: Buffer[] = [];
  readonly #listeners: ((chunk: Buffer) => void)[] = [];

  /** Delivers a chunk to every listener, or keeps it until one is added. */
  emit(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.#listeners.length === 0) this.#pending.push(chunk);
    for (const listener of this.#listeners) listener(chunk);
  }

  /** Adds a listener and hands it anything written before it came. */
  add(listener: (chunk: Buffer) => void): void {
    this.#listeners.push(listener);
    for (const chunk of this.#pending.splice(0)) listener(chunk);
  }
}
