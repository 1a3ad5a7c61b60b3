/** Cuts a byte stream into text lines for the app's log, dropping the `\r` of CRLF endings. */
export class LineSplitter {
  #partial = '';
  readonly #decoder = new TextDecoder();

  constructor(private readonly onLine: (line: string) => void) {}

  /** Feeds bytes; complete lines are emitted at once. */
  push(chunk: Buffer): void {
    const text = this.#partial + this.#decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.#partial = lines.pop() ?? '';
    for (const line of lines) this.onLine(line.replace(/\r$/, ''));
  }

  /** Emits what is left after the last newline. */
  flush(): void {
    const rest = this.#partial + this.#decoder.decode();
    this.#partial = '';
    if (rest) this.onLine(rest.replace(/\r$/, ''));
  }
}
