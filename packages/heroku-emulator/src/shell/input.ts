/**
 * The standard input of a built-in shell process: bytes pushed by the connection, read by
 * commands such as `cat`. Reads wait for data, end of input, or the process being stopped.
 */
export class ShellInput {
  readonly #chunks: Buffer[] = [];
  #ended = false;
  #waiter: (() => void) | undefined;

  /** Adds bytes typed or piped by the client; ignored after end of input. */
  push(chunk: Buffer): void {
    if (this.#ended || chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#wake();
  }

  /** Marks end of input (EOT from the client, or the process stopping). */
  end(): void {
    this.#ended = true;
    this.#wake();
  }

  /** Resolves with the next chunk, or `null` at end of input or when `signal` aborts. */
  async read(signal: AbortSignal): Promise<Buffer | null> {
    while (this.#chunks.length === 0 && !this.#ended && !signal.aborted) {
      await this.#wait(signal);
    }
    if (signal.aborted) return null;
    return this.#chunks.shift() ?? null;
  }

  /** Resolves with the next line without its newline, or `null` when input ends first. */
  async readLine(signal: AbortSignal): Promise<string | null> {
    const parts: Buffer[] = [];
    for (;;) {
      const chunk = await this.read(signal);
      if (chunk === null) return parts.length > 0 ? Buffer.concat(parts).toString() : null;

      const newline = chunk.indexOf(0x0a);
      if (newline < 0) {
        parts.push(chunk);
        continue;
      }
      parts.push(chunk.subarray(0, newline));
      const rest = chunk.subarray(newline + 1);
      if (rest.length > 0) this.#chunks.unshift(rest);
      return Buffer.concat(parts).toString();
    }
  }

  #wait(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        signal.removeEventListener('abort', done);
        this.#waiter = undefined;
        resolve();
      };
      this.#waiter = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  #wake(): void {
    this.#waiter?.();
  }
}
