/**
 * The output of one build (or release phase): everything written so far, kept for readers
 * that connect late, and pushed to readers as it arrives.
 */
export class OutputBuffer {
  readonly #chunks: Buffer[] = [];
  readonly #listeners = new Set<(chunk: Buffer | null) => void>();
  #size = 0;
  #started = false;
  #ended = false;

  /** True once output began (or the job ended); before that the stream URL answers 404. */
  get started(): boolean {
    return this.#started;
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.#size;
  }

  /** Marks the job as running without writing anything yet. */
  start(): void {
    this.#started = true;
  }

  /** Appends output; ignored once the job ended. */
  write(text: string | Buffer): void {
    if (this.#ended) return;
    const chunk = Buffer.from(text);
    this.#started = true;
    if (chunk.length === 0) return;
    this.#chunks.push(chunk);
    this.#size += chunk.length;
    for (const listener of this.#listeners) listener(chunk);
  }

  /** Ends the output: open readers get the end of their stream. */
  end(): void {
    if (this.#ended) return;
    this.#started = true;
    this.#ended = true;
    for (const listener of this.#listeners) listener(null);
    this.#listeners.clear();
  }

  /** Everything written from byte `offset` on. */
  read(offset = 0): Buffer {
    return Buffer.concat(this.#chunks).subarray(offset);
  }

  /** Calls `listener` with each new chunk, then `null` at the end; returns the unsubscribe. */
  subscribe(listener: (chunk: Buffer | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
