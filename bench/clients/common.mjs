/**
 * What every client sends, so that all of them do the same work on the wire: the v3 Accept
 * header, a bearer token (a fixed benchmark value, never a real credential) and pages of 1000.
 */

/** A placeholder credential; the benchmark server only checks that one is present. */
export const TOKEN = 'bench-placeholder-token';

/** The first Range of every listing: the largest page the API serves. */
export const FIRST_RANGE = 'id ..; max=1000';

/**
 * Request headers for the clients that take raw headers.
 * @param {string} token
 */
export function headersFor(token) {
  return {
    accept: 'application/vnd.heroku+json; version=3',
    authorization: `Bearer ${token}`,
    'user-agent': 'heroku-client-bench',
  };
}

/** The headers with the placeholder token. */
export const HEADERS = headersFor(TOKEN);

/**
 * An error for a status the scenario did not expect.
 * @param {string} what
 * @param {number} status
 */
export function statusError(what, status) {
  return new Error(`${what} answered ${status}`);
}
