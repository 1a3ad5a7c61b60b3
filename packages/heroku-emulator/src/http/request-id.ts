/**
 * `Request-Id`: the emulator answers with its own id for the request followed by
 * whatever ids the caller sent. The official CLI sends a comma-separated list of up
 * to about 7 KB and splits the answer on commas, so the caller's list is kept as
 * is, only filtered to characters that are safe in a header.
 */
import { randomUUID } from 'node:crypto';

/** Longest caller-supplied list kept (the CLI resets its own list past 7 KB). */
const MAX_CALLER_IDS = 8192;

/** Ids for one request: ours alone (for logs) and the full header value. */
export interface RequestIds {
  /** The id the emulator generated for this request. */
  readonly own: string;
  /** The `Request-Id` response header: ours, then the caller's. */
  readonly header: string;
}

/** Builds the request ids from the caller's `Request-Id` header, if any. */
export function requestIds(callerHeader: string | string[] | undefined): RequestIds {
  const own = randomUUID();
  if (callerHeader === undefined || callerHeader === '') return { own, header: own };
  const raw = Array.isArray(callerHeader) ? callerHeader.join(',') : (callerHeader ?? '');
  const caller = raw
    .slice(0, MAX_CALLER_IDS)
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[\w.:-]{1,200}$/.test(id));
  return { own, header: [own, ...caller].join(',') };
}
