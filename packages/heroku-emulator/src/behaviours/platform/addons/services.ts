/**
 * What each add-on service puts on an app: its default attachment name, the
 * name used once that is taken (`HEROKU_POSTGRESQL_<COLOR>`), and the config
 * vars it provides (suffixes of the attachment name with generated values).
 * Services without an entry get `<SERVICE>` and a `<SERVICE>_URL`.
 */
import { randomBytes } from 'node:crypto';
import { digits, pick } from '../common.js';

/** How one service is attached. */
interface ServiceTraits {
  /** Attachment name of the first installation on an app. */
  readonly attachment: string;
  /** Prefix of generated attachment names once `attachment` is taken on the app. */
  readonly colourPrefix: string | null;
  /** Config var suffixes and a generator for each value. */
  readonly config: Readonly<Record<string, () => string>>;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

const TRAITS: Readonly<Record<string, ServiceTraits>> = {
  'heroku-postgresql': {
    attachment: 'DATABASE',
    colourPrefix: 'HEROKU_POSTGRESQL',
    config: {
      URL: () =>
        `postgres://u${hex(6)}:p${hex(24)}@c${hex(4)}.cluster-${hex(6)}.us-east-1.rds.amazonaws.com:5432/d${hex(7)}`,
    },
  },
  'heroku-redis': {
    attachment: 'REDIS',
    colourPrefix: 'HEROKU_REDIS',
    config: {
      URL: () => `rediss://:p${hex(24)}@ec2-${ip()}.compute-1.amazonaws.com:${digits(5)}`,
    },
  },
  papertrail: {
    attachment: 'PAPERTRAIL',
    colourPrefix: null,
    config: { API_TOKEN: () => hex(10) },
  },
};

/** Colours Heroku names further databases with. */
const COLOURS = [
  'AMBER',
  'AQUA',
  'BLACK',
  'BLUE',
  'BRONZE',
  'COBALT',
  'COPPER',
  'CRIMSON',
  'CYAN',
  'GOLD',
  'GRAY',
  'GREEN',
  'IVORY',
  'JADE',
  'LIME',
  'MAGENTA',
  'MAROON',
  'NAVY',
  'OLIVE',
  'ONYX',
  'ORANGE',
  'PINK',
  'PURPLE',
  'RED',
  'ROSE',
  'SILVER',
  'TEAL',
  'VIOLET',
  'WHITE',
  'YELLOW',
];

function ip(): string {
  return [1, 2, 3, 4].map(() => String(1 + (Number.parseInt(hex(1), 16) % 254))).join('-');
}

function traitsOf(service: string): ServiceTraits {
  return (
    TRAITS[service] ?? {
      attachment: service
        .replace(/^heroku-/, '')
        .toUpperCase()
        .replace(/[^A-Z0-9]/g, '_'),
      colourPrefix: null,
      config: { URL: () => `https://${service}.example.com/${hex(8)}` },
    }
  );
}

/** The attachment name a new installation of `service` gets on an app with `taken` names. */
export function defaultAttachmentName(service: string, taken: ReadonlySet<string>): string {
  const traits = traitsOf(service);
  if (!taken.has(traits.attachment)) return traits.attachment;
  const prefix = traits.colourPrefix ?? traits.attachment;
  const free = COLOURS.map((c) => `${prefix}_${c}`).filter((n) => !taken.has(n));
  return free.length > 0 ? pick(free) : `${prefix}_${hex(3).toUpperCase()}`;
}

/** Fresh config values of an installation of `service`, by suffix (`URL`). */
export function provisionConfig(service: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [suffix, make] of Object.entries(traitsOf(service).config)) values[suffix] = make();
  return values;
}

/** The prefix of generated add-on names (`postgresql` for `heroku-postgresql`). */
export function namePrefix(service: string): string {
  return service.replace(/^heroku-/, '');
}

/** The config var names an attachment called `attachment` sets from `values`. */
export function configNames(attachment: string, values: Readonly<Record<string, string>>) {
  return Object.keys(values).map((suffix) => `${attachment}_${suffix}`);
}
