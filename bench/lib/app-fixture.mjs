/**
 * Deterministic app objects in the shape of the Platform API's `app` resource, about 1 KB of
 * JSON each. Index `i` maps to an id whose last group is `i` in fixed-width hex, so ids sort
 * in index order and a Range start id can be turned back into an index without a lookup.
 */

const ID_PREFIX = '01234567-89ab-4cde-8f01-';

/** Default number of apps in the listing when neither the query nor the env says otherwise. */
export const DEFAULT_TOTAL = 10_000;

/**
 * The app id for index `i`.
 * @param {number} i
 * @returns {string}
 */
export function appId(i) {
  return ID_PREFIX + i.toString(16).padStart(12, '0');
}

/**
 * The index an app id stands for, or -1 when the id is not one of ours.
 * @param {string} id
 * @returns {number}
 */
export function appIndex(id) {
  if (id.length !== 36 || !id.startsWith(ID_PREFIX)) return -1;
  const n = Number.parseInt(id.slice(ID_PREFIX.length), 16);
  return Number.isSafeInteger(n) ? n : -1;
}

/**
 * The app name for index `i` (valid under the API's name pattern).
 * @param {number} i
 * @returns {string}
 */
export function appName(i) {
  return `bench-app-${String(i).padStart(6, '0')}`;
}

/**
 * A realistic app object for index `i`.
 * @param {number} i
 * @param {string} [name] overrides the generated name (used by POST /apps)
 */
export function appObject(i, name = appName(i)) {
  const stack = { id: '69bee368-352b-4bd0-9b7c-819d860a2588', name: 'heroku-24' };
  return {
    acm: false,
    archived_at: null,
    base_image_name: 'heroku/heroku:24-cnb',
    build_stack: stack,
    buildpack_provided_description: 'Node.js',
    buildpacks: [{ url: 'heroku/nodejs', name: 'heroku/nodejs' }],
    created_at: '2024-01-01T12:00:00Z',
    current_build_architecture: 'amd64',
    generation: { id: 'a21ae2f7-0f7c-4f3c-bd8d-2c5b4b2a7d11', name: 'cedar' },
    git_url: `https://git.heroku.com/${name}.git`,
    id: appId(i),
    internal_routing: false,
    maintenance: false,
    name,
    owner: { email: 'owner@example.com', id: '8a2c7f0e-6b3d-4e1a-9f5c-0d4b7e2a1c93' },
    organization: null,
    team: null,
    region: { id: '59accabd-516d-4f0e-83e6-6e3757701145', name: 'us' },
    released_at: '2024-01-02T08:30:00Z',
    repo_size: null,
    slug_size: 52_428_800,
    space: null,
    stack,
    updated_at: '2024-01-02T08:30:00Z',
    web_url: `https://${name}-0123456789ab.herokuapp.com/`,
  };
}

/**
 * The JSON text of app `i`, as the server sends it.
 * @param {number} i
 */
export function appJson(i) {
  return JSON.stringify(appObject(i));
}
