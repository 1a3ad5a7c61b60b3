/**
 * Reads the API token from `Authorization`. Heroku takes `Bearer <token>`, or
 * HTTP Basic with an empty user name and the token as password (`:<token>`).
 * Older documentation used `<email>:<token>`; the user part is returned so the
 * caller can accept that form when it names the token's own account.
 */
import { ApiError } from './errors.js';

/** Credentials found in a request. */
export interface Credentials {
  readonly token: string;
  /** The Basic user name, `''` for Bearer and for the documented Basic form. */
  readonly user: string;
}

/** The 401 every authentication failure answers with; never echoes the token. */
export function unauthorized(): ApiError {
  return new ApiError(401, 'unauthorized', 'Invalid credentials provided.');
}

/** Extracts the credentials, or `undefined` when the header is absent or malformed. */
export function readCredentials(header: string | undefined): Credentials | undefined {
  if (header === undefined) return undefined;
  const match = /^(\w+)\s+(\S+)\s*$/.exec(header);
  if (match === null) return undefined;
  const scheme = match[1]?.toLowerCase();
  const value = match[2] ?? '';

  if (scheme === 'bearer') return { token: value, user: '' };
  if (scheme !== 'basic') return undefined;

  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1) return undefined;
  const token = decoded.slice(colon + 1);
  return token === '' ? undefined : { token, user: decoded.slice(0, colon) };
}
