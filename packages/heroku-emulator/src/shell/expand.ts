import type { Word } from './parse.js';

/** Looks up a parameter (`?`, `$`, a variable name); `undefined` when unset. */
export type ParamLookup = (name: string) => string | undefined;

/**
 * Expands words into fields the way `sh` does for the subset we parse: quoted text stays in
 * one field, unquoted expansions are split on blanks, and an unquoted empty expansion that
 * forms a whole word disappears.
 */
export function expandWords(words: readonly Word[], lookup: ParamLookup): string[] {
  const fields: string[] = [];
  for (const word of words) fields.push(...expandWord(word, lookup));
  return fields;
}

/** Expands one word into a single string without field splitting (assignment values). */
export function expandToString(word: Word, lookup: ParamLookup): string {
  let value = '';
  for (const part of word) value += part.kind === 'text' ? part.value : (lookup(part.name) ?? '');
  return value;
}

function expandWord(word: Word, lookup: ParamLookup): string[] {
  const fields: string[] = [];
  let current = '';
  // `started` is true once the current field holds anything that must survive, even "".
  let started = false;

  for (const part of word) {
    if (part.kind === 'text' || part.quoted) {
      current += part.kind === 'text' ? part.value : (lookup(part.name) ?? '');
      started = started || part.quoted || current.length > 0;
      continue;
    }

    const pieces = (lookup(part.name) ?? '').split(/[ \t\n]+/);
    pieces.forEach((piece, index) => {
      if (index > 0) {
        if (started) fields.push(current);
        current = '';
        started = false;
      }
      current += piece;
      started = started || piece.length > 0;
    });
  }

  if (started) fields.push(current);
  return fields;
}
