/**
 * Path values go through one encoder: it refuses what could change which
 * resource a path names, and percent-encodes the rest.
 */
import { HerokuUsageError } from '../core/errors.js';
import type { PathValue } from './call-types.js';

/** Encodes one path value; `slot` names it in the error. */
export function encodePathValue(value: PathValue, slot: string): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new HerokuUsageError(`${slot} must be a finite number`);
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new HerokuUsageError(`${slot} must be a string or a number, not ${typeof value}`);
  }
  if (value === '') throw new HerokuUsageError(`${slot} must not be empty`);
  if (value.includes('/')) throw new HerokuUsageError(`${slot} must not contain "/"`);
  if (value === '.' || value === '..' || value.includes('..')) {
    throw new HerokuUsageError(`${slot} must not contain ".."`);
  }
  // `~` names the caller in account paths and stays as the API spells it.
  return value === '~' ? value : encodeURIComponent(value);
}
