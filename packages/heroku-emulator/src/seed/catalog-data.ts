/**
 * Catalog facts: the regions, stacks, dyno sizes, add-on services, plans and
 * features every account sees. Names and prices follow the schema's examples,
 * Heroku's documentation and the official CLI's size table.
 */

/** Records of one catalog collection: the properties that differ from the examples. */
export type CatalogRows = readonly Readonly<Record<string, unknown>>[];

/** Regions (common runtime). */
export const regions: CatalogRows = [
  { name: 'us', description: 'United States', country: 'United States', locale: 'Virginia' },
  { name: 'eu', description: 'Europe', country: 'Ireland', locale: 'Dublin' },
];

/** Stacks; `heroku-24` is the default for new apps. */
export const stacks: CatalogRows = [
  { name: 'heroku-22', default: false, state: 'public' },
  { name: 'heroku-24', default: true, state: 'public' },
  { name: 'cnb', default: false, state: 'public' },
];

/** Dyno sizes of the common runtime; lookups by name ignore letter case. */
export const dynoSizes: CatalogRows = [
  size('eco', 1, 0.5, 'eco', false),
  size('basic', 1, 0.5, 'basic', false),
  size('standard-1X', 1, 0.5, 'standard', false),
  size('standard-2X', 2, 1, 'standard', false),
  size('performance-M', 12, 2.5, 'performance', true),
  size('performance-L', 50, 14, 'performance', true),
  size('performance-L-RAM', 24, 30, 'performance', true),
  size('performance-XL', 50, 62, 'performance', true),
  size('performance-2XL', 100, 126, 'performance', true),
];

function size(name: string, compute: number, memory: number, tier: string, dedicated: boolean) {
  return {
    name,
    compute,
    memory,
    dedicated,
    product_dyno_tier: tier,
    private_space_only: false,
    architecture: 'amd64',
    generation: { name: 'cedar' },
  };
}

/** Add-on services. */
export const addOnServices: CatalogRows = [
  {
    name: 'heroku-postgresql',
    human_name: 'Heroku Postgres',
    cli_plugin_name: null,
    state: 'ga',
    supports_multiple_installations: true,
    supports_sharing: true,
  },
  {
    name: 'heroku-redis',
    human_name: 'Heroku Key-Value Store',
    cli_plugin_name: null,
    state: 'ga',
    supports_multiple_installations: true,
    supports_sharing: true,
  },
  {
    name: 'papertrail',
    human_name: 'Papertrail',
    cli_plugin_name: null,
    state: 'ga',
    supports_multiple_installations: false,
    supports_sharing: false,
  },
];

/** Plans; `service` names the add-on service, prices are in cents per unit. */
export const plans: CatalogRows = [
  plan('heroku-postgresql', 'essential-0', 'Essential 0', 500, true),
  plan('heroku-postgresql', 'essential-1', 'Essential 1', 900, false),
  plan('heroku-postgresql', 'standard-0', 'Standard 0', 5000, false),
  plan('heroku-redis', 'mini', 'Mini', 300, true),
  plan('heroku-redis', 'premium-0', 'Premium 0', 1500, false),
  plan('papertrail', 'choklad', 'Choklad', 0, true),
];

function plan(service: string, name: string, human: string, cents: number, isDefault: boolean) {
  return {
    service,
    name: `${service}:${name}`,
    human_name: human,
    description: `${human}`,
    default: isDefault,
    state: 'public',
    visible: true,
    price: { cents, contract: false, metered: false, unit: 'month' },
  };
}

/** Account features (all off until enabled). */
export const accountFeatures: CatalogRows = [
  { name: 'account-feature-example', display_name: 'Example account feature', enabled: false },
  feature('app-overview', 'App overview', 'Shows the app overview dashboard.'),
  feature('pipelines-dashboard', 'Pipelines dashboard', 'Shows pipelines in the dashboard.'),
];

/** App features (all off until enabled on an app). */
export const appFeatures: CatalogRows = [
  feature('preboot', 'Preboot', 'Starts new dynos before stopping old ones on deploy.'),
  feature('runtime-dyno-metadata', 'Runtime dyno metadata', 'Sets HEROKU_APP_ID and friends.'),
  feature('log-runtime-metrics', 'Log runtime metrics', 'Writes dyno load and memory to the log.'),
  feature('http-session-affinity', 'Session affinity', 'Routes a client to the same dyno.'),
  feature('spaces-dns-discovery', 'DNS service discovery', 'Resolves dynos in a space by name.'),
];

function feature(name: string, displayName: string, description: string) {
  return {
    name,
    display_name: displayName,
    description,
    doc_url: `https://devcenter.heroku.com/articles/${name}`,
    enabled: false,
    state: 'general',
    feedback_email: 'feedback@heroku.com',
  };
}
