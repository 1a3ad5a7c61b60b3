/** Turns bytes into lines across chunk (and connection) boundaries; drops `\r` of CRLF. */
export class LineDecoder {
  readonly #decoder = new TextDecoder();
  #partial = '';

  /** The complete lines in `chunk` plus whatever was held back. */
  push(chunk: Uint8Array): string[] {
    const lines = (this.#partial + this.#decoder.decode(chunk, { stream: true })).split('\n');
    this.#partial = lines.pop() ?? '';
    return lines.map((line) => line.replace(/\r$/, ''));
  }

  /** The last line when the text did not end with a newline. */
  end(): string[] {
    const rest = this.#partial + this.#decoder.decode();
    this.#partial = '';
    return rest === '' ? [] : [rest.replace(/\r$/, '')];
  }
}
