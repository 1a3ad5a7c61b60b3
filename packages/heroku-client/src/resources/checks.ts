/**
 * The small runtime the generated validators call. Generated code holds the
 * rules; this file only knows how to report a broken one.
 */
import type { ValidationIssue } from './validation.js';

/** A check of one value at one path, appending what it finds to `out`. */
export type Check = (value: unknown, path: string, out: ValidationIssue[]) => void;

/** Records a broken rule. */
export function fail(out: ValidationIssue[], path: string, rule: string, message: string): void {
  out.push({ path, rule, message: `${path} ${message}` });
}

/** True for a plain JSON object (not null, not an array). */
export function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Passes when at least one of the checks finds nothing wrong. */
export function anyOf(value: unknown, path: string, out: ValidationIssue[], checks: Check[]): void {
  for (const check of checks) {
    const found: ValidationIssue[] = [];
    check(value, path, found);
    if (found.length === 0) return;
  }
  fail(out, path, 'anyOf', 'does not match any of the allowed forms');
}

/** A short description of a value's JSON type, for messages. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
