/**
 * Parser for the built-in shell: a deliberately small subset of POSIX `sh` that covers what
 * one-off commands sent by clients use (sequences, `&&`/`||`, quoting, `$VAR` and `$?`).
 * Anything beyond the subset is reported as a syntax error instead of being misread.
 */

/** One piece of a word: literal text, or a parameter expanded when the command runs. */
export type WordPart =
  | { readonly kind: 'text'; readonly value: string; readonly quoted: boolean }
  | { readonly kind: 'param'; readonly name: string; readonly quoted: boolean };

/** A word before expansion. */
export type Word = readonly WordPart[];

/** A simple command: leading `NAME=value` assignments, then its words. */
export interface SimpleCommand {
  readonly assignments: readonly { readonly name: string; readonly value: Word }[];
  readonly words: readonly Word[];
}

/** Commands joined by `&&` / `||`; `ops[i]` sits between `commands[i]` and `commands[i+1]`. */
export interface AndOrList {
  readonly commands: readonly SimpleCommand[];
  readonly ops: readonly ('&&' | '||')[];
}

/** A whole script: and-or lists run one after another. */
export type Script = readonly AndOrList[];

/** Raised for input the built-in shell does not understand; exit status 2, like `sh`. */
export class ShellSyntaxError extends Error {
  override readonly name = 'ShellSyntaxError';
}

type Token = { readonly op: ';' | '&&' | '||' } | { readonly word: Word };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const UNSUPPORTED = new Set(['|', '&', '<', '>', '(', ')', '`']);

/** Parses a command line into a script, or throws `ShellSyntaxError`. */
export function parseScript(source: string): Script {
  const script: AndOrList[] = [];
  let commands: SimpleCommand[] = [];
  let ops: ('&&' | '||')[] = [];
  let words: Word[] = [];

  const endCommand = (after: string): void => {
    if (words.length === 0)
      throw new ShellSyntaxError(`syntax error near unexpected token \`${after}'`);
    commands.push(toCommand(words));
    words = [];
  };

  for (const token of tokenize(source)) {
    if ('word' in token) {
      words.push(token.word);
    } else if (token.op === ';') {
      if (words.length === 0 && commands.length === 0) continue;
      endCommand(';');
      script.push({ commands, ops });
      commands = [];
      ops = [];
    } else {
      endCommand(token.op);
      ops.push(token.op);
    }
  }

  if (words.length > 0) commands.push(toCommand(words));
  else if (ops.length > 0) throw new ShellSyntaxError('syntax error: unexpected end of file');
  if (commands.length > 0) script.push({ commands, ops });
  return script;
}

function toCommand(words: Word[]): SimpleCommand {
  const assignments: { name: string; value: Word }[] = [];
  let index = 0;
  for (; index < words.length; index++) {
    const split = splitAssignment(words[index] ?? []);
    if (!split) break;
    assignments.push(split);
  }
  return { assignments, words: words.slice(index) };
}

/** `NAME=value` counts as an assignment only when `NAME=` is unquoted literal text. */
function splitAssignment(word: Word): { name: string; value: Word } | undefined {
  const first = word[0];
  if (first?.kind !== 'text' || first.quoted) return undefined;
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.value);
  if (!match?.[1]) return undefined;
  const rest = first.value.slice(match[0].length);
  const value: WordPart[] = rest ? [{ kind: 'text', value: rest, quoted: false }] : [];
  return { name: match[1], value: [...value, ...word.slice(1)] };
}

function* tokenize(source: string): Generator<Token> {
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '\n' || ch === ';') {
      yield { op: ';' };
      i++;
    } else if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (source.startsWith('&&', i) || source.startsWith('||', i)) {
      yield { op: source.slice(i, i + 2) as '&&' | '||' };
      i += 2;
    } else if (UNSUPPORTED.has(ch)) {
      throw new ShellSyntaxError(`\`${ch}' is not supported by the built-in shell`);
    } else {
      const [word, next] = readWord(source, i);
      yield { word };
      i = next;
    }
  }
}

function readWord(source: string, start: number): [Word, number] {
  const parts: WordPart[] = [];
  const text = (value: string, quoted: boolean) => {
    if (value) parts.push({ kind: 'text', value, quoted });
  };
  let i = start;

  while (i < source.length) {
    const ch = source[i] as string;
    // A `#` inside a word is literal; only at the start of a word does it open a comment.
    if (' \t\n;'.includes(ch) || UNSUPPORTED.has(ch) || source.startsWith('&&', i)) break;
    if (source.startsWith('||', i)) break;

    if (ch === "'") {
      const end = source.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''");
      parts.push({ kind: 'text', value: source.slice(i + 1, end), quoted: true });
      i = end + 1;
    } else if (ch === '"') {
      i = readDoubleQuoted(source, i + 1, parts);
    } else if (ch === '\\') {
      const next = source[i + 1];
      if (next !== undefined && next !== '\n') text(next, true);
      i += 2;
    } else if (ch === '$') {
      i = readParam(source, i, parts, false);
    } else {
      text(ch, false);
      i++;
    }
  }
  return [mergeText(parts), i];
}

function readDoubleQuoted(source: string, start: number, parts: WordPart[]): number {
  let i = start;
  // An empty "" still makes a word, so it contributes an empty quoted part.
  parts.push({ kind: 'text', value: '', quoted: true });
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '"') return i + 1;
    if (ch === '`') throw new ShellSyntaxError('`` ` `` is not supported by the built-in shell');
    if (ch === '\\' && '$`"\\\n'.includes(source[i + 1] ?? '')) {
      if (source[i + 1] !== '\n')
        parts.push({ kind: 'text', value: source[i + 1] as string, quoted: true });
      i += 2;
    } else if (ch === '$') {
      i = readParam(source, i, parts, true);
    } else {
      parts.push({ kind: 'text', value: ch, quoted: true });
      i++;
    }
  }
  throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
}

function readParam(source: string, at: number, parts: WordPart[], quoted: boolean): number {
  const rest = source.slice(at + 1);
  const special = /^[?$#0-9]/.exec(rest);
  if (special) {
    parts.push({ kind: 'param', name: special[0], quoted });
    return at + 2;
  }
  if (rest.startsWith('(')) {
    throw new ShellSyntaxError('`$(...)` is not supported by the built-in shell');
  }
  const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|\?)\}/.exec(rest);
  if (braced?.[1]) {
    parts.push({ kind: 'param', name: braced[1], quoted });
    return at + 1 + braced[0].length;
  }
  if (rest.startsWith('{')) throw new ShellSyntaxError(`\${...}: bad substitution`);
  const name = NAME.exec(rest);
  if (name) {
    parts.push({ kind: 'param', name: name[0], quoted });
    return at + 1 + name[0].length;
  }
  parts.push({ kind: 'text', value: '$', quoted });
  return at + 1;
}

/** Joins neighbouring text parts of the same quoting, so words stay small. */
function mergeText(parts: WordPart[]): Word {
  const merged: WordPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'text' && last?.kind === 'text' && last.quoted === part.quoted) {
      merged[merged.length - 1] = { ...last, value: last.value + part.value };
    } else {
      merged.push(part);
    }
  }
  return merged;
}
