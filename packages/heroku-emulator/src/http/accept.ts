/**
 * The `Accept` header. Heroku requires `application/vnd.heroku+json; version=3`;
 * any `3.<variant>` (`3.sdk`, `3.webhooks`, ...) is treated as version 3.
 *
 * A missing or unversioned Accept, or another version, is answered with
 * `406 not_acceptable`: that is the documented answer in Heroku's reference error
 * table. The 400 `missing_version` seen in some captures carried its text in an
 * `error` member instead of `message`, which the official CLI cannot display, so
 * it is the worse choice for an emulator that promises the documented envelope.
 */
import { ApiError } from './errors.js';

/** The version requested: `3` and the variant tag, if any. */
export interface ApiVersion {
  readonly version: '3';
  /** `sdk` for `version=3.sdk`, `null` for plain `version=3`. */
  readonly variant: string | null;
}

const VENDOR_TYPE = 'application/vnd.heroku+json';

/** Versions of recently seen `Accept` values: a client sends the same one every time. */
const known = new Map<string, ApiVersion>();

/** Beyond this many distinct values, the remembered ones are forgotten. */
const KNOWN_LIMIT = 64;

/** Parses `Accept`; throws the 406 when no acceptable version 3 entry is present. */
export function negotiateVersion(header: string | undefined): ApiVersion {
  const value = header ?? '';
  const remembered = known.get(value);
  if (remembered !== undefined) return remembered;

  const version = Object.freeze(parseAccept(value));
  if (known.size >= KNOWN_LIMIT) known.clear();
  known.set(value, version);
  return version;
}

function parseAccept(header: string): ApiVersion {
  for (const entry of header.split(',')) {
    const [type, ...params] = entry.split(';').map((part) => part.trim());
    if (type?.toLowerCase() !== VENDOR_TYPE) continue;

    for (const param of params) {
      const match = /^version\s*=\s*"?3(?:\.([\w-]+))?"?$/i.exec(param);
      if (match !== null) return { version: '3', variant: match[1] ?? null };
    }
  }
  throw new ApiError(
    406,
    'not_acceptable',
    "Please specify a version along with Heroku's API MIME type. For example, `Accept: application/vnd.heroku+json; version=3`.",
  );
}
