import { StringDecoder } from 'node:string_decoder';
import type { OneOffProcess } from '../shell/process.js';

const CTRL_C = 0x03;
const EOT = 0x04;
const BACKSPACE = 0x7f;

/** Turns bytes from the client into stdin, Ctrl-C and end of input for a process. */
export type InputHandler = (chunk: Buffer) => void;

/**
 * Without a terminal, bytes pass through untouched except Ctrl-C (interrupt) and EOT, which
 * the official CLI sends when its own stdin ends; nothing after EOT reaches the process.
 */
export function rawInput(process: OneOffProcess): InputHandler {
  let open = true;
  return (chunk) => {
    let start = 0;
    for (let i = 0; i < chunk.length && open; i++) {
      const byte = chunk[i];
      if (byte !== CTRL_C && byte !== EOT) continue;
      if (i > start) process.write(chunk.subarray(start, i));
      start = i + 1;
      if (byte === CTRL_C) process.interrupt();
      else {
        open = false;
        process.endInput();
      }
    }
    if (open && start < chunk.length) process.write(chunk.subarray(start));
  };
}

/**
 * With a terminal, the client is in raw mode and the dyno's line discipline does the rest:
 * echo, line editing with backspace, Enter sending a line, Ctrl-D at the start of a line
 * ending input, and Ctrl-C interrupting.
 */
export function terminalInput(process: OneOffProcess, echo: (text: string) => void): InputHandler {
  let line = '';
  let open = true;

  const onByte = (char: string, byte: number) => {
    if (byte === CTRL_C) {
      line = '';
      echo('^C\r\n');
      process.interrupt();
    } else if (byte === EOT) {
      if (line === '') {
        open = false;
        process.endInput();
      } else {
        process.write(Buffer.from(line));
        line = '';
      }
    } else if (byte === BACKSPACE || byte === 0x08) {
      if (line === '') return;
      line = line.slice(0, -1);
      echo('\b \b');
    } else if (char === '\r' || char === '\n') {
      echo('\r\n');
      process.write(Buffer.from(`${line}\n`));
      line = '';
    } else {
      line += char;
      echo(char);
    }
  };

  const decoder = new StringDecoder('utf8');
  return (chunk) => {
    for (const char of decoder.write(chunk)) {
      if (!open) return;
      onByte(char, char.codePointAt(0) ?? 0);
    }
  };
}

/** A terminal shows `\n` from the process as `\r\n`; done on bytes so UTF-8 split across chunks survives. */
export function terminalOutput(chunk: Buffer): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] !== 0x0a || (i > 0 && chunk[i - 1] === 0x0d)) continue;
    parts.push(chunk.subarray(start, i), CRLF);
    start = i + 1;
  }
  parts.push(chunk.subarray(start));
  return Buffer.concat(parts);
}

const CRLF = Buffer.from('\r\n');
