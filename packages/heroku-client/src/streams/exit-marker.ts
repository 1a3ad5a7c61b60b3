/**
 * The exit-status marker. Exit status is not part of the rendezvous protocol, so the
 * command gets ` ; echo "\uFFFF heroku-command-exit-status: $?"` appended (as the official
 * CLI does for `--exit-code`) and the marker line is taken back out of the output.
 */
export const EXIT_MARKER_SUFFIX = ' ; echo "\uFFFF heroku-command-exit-status: $?"';

/** U+FFFF in UTF-8: no text a program prints normally contains it. */
const MARK = Buffer.from('\uFFFF');
const LINE = /^\uFFFF heroku-command-exit-status: (\d+)\r?\n$/u;
/** A marker line is short; anything longer after U+FFFF is ordinary output. */
const MAX_LINE = 64;

/** Removes marker lines from output as it streams, and keeps the status they carry. */
export class ExitMarkerFilter {
  #held = Buffer.alloc(0);
  #status: number | undefined;

  /** The status from the last marker line seen, if any. */
  get status(): number | undefined {
    return this.#status;
  }

  /** Returns the output in `chunk` that is safe to pass on, holding back a possible marker. */
  push(chunk: Buffer): Buffer {
    let buffer = Buffer.concat([this.#held, chunk]);
    const out: Buffer[] = [];
    this.#held = Buffer.alloc(0);

    for (;;) {
      const at = buffer.indexOf(MARK);
      if (at < 0) {
        const keep = partialMarkLength(buffer);
        out.push(buffer.subarray(0, buffer.length - keep));
        this.#held = buffer.subarray(buffer.length - keep);
        break;
      }
      out.push(buffer.subarray(0, at));
      const rest = buffer.subarray(at);
      const newline = rest.indexOf(0x0a);
      if (newline < 0 && rest.length < MAX_LINE) {
        this.#held = rest;
        break;
      }
      const match = newline < 0 ? null : LINE.exec(rest.subarray(0, newline + 1).toString());
      if (match) this.#status = Number(match[1]);
      else out.push(rest.subarray(0, MARK.length));
      buffer = rest.subarray(match ? newline + 1 : MARK.length);
    }
    return Buffer.concat(out);
  }

  /** Returns whatever was held back when the output ends (a final marker may lack `\n`). */
  end(): Buffer {
    const rest = this.#held;
    this.#held = Buffer.alloc(0);
    const match = LINE.exec(`${rest.toString()}\n`);
    if (!match) return rest;
    this.#status = Number(match[1]);
    return Buffer.alloc(0);
  }
}

/** How many bytes at the end of `buffer` could start a U+FFFF sequence. */
function partialMarkLength(buffer: Buffer): number {
  for (let keep = Math.min(MARK.length - 1, buffer.length); keep > 0; keep--) {
    if (buffer.subarray(buffer.length - keep).equals(MARK.subarray(0, keep))) return keep;
  }
  return 0;
}
