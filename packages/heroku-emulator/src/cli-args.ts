/**
 * Parses the `heroku-emulator` command line into `startEmulator` options.
 */
import { parseArgs } from 'node:util';
import { type AccountOptions, DEFAULT_EMAIL, DEFAULT_TOKEN } from './accounts/accounts.js';
import type { EmulatorOptions, RunningEmulator } from './emulator.js';
import { planFaults } from './faults/index.js';
import { isLogLevel } from './log.js';

/** The usage text printed by `--help` and on bad flags. */
export const USAGE = `Usage: heroku-emulator [options]

  --host HOST         interface to bind (default 127.0.0.1)
  --port PORT         port to listen on (default 5000; 0 = any free port)
  --token TOKEN       token of an account; repeat for more accounts
                      (user@example.com, user2@example.com, ...)
  --account E=TOKEN   an account with email E and token TOKEN; repeatable
  --data FILE         keep state in this SQLite file (default: in memory)
  --schema FILE       schema served at GET /schema
  --log-level LEVEL   silent | error | info | debug (default info)
  --exec              run one-off dyno commands for real under sh -c (default:
                      a small built-in shell)
  --rate-limit N      calls in each account's bucket, refilled N a minute
                      (default 4500 refilled 75 a minute, like Heroku)
  --help              show this text

Fault injection (all off by default; rates are shares from 0 to 1):
  --fault-latency-ms MS        delay every request
  --fault-error-rate R         answer a share with 503 before serving it
  --fault-reset-rate R         serve a share, then cut the connection mid-answer
  --fault-rate-limit-rate R    answer a share with 429, in bursts
  --fault-slow-stream-ms MS    wait between the headers and each body chunk
  --fault-seed N               seed of the fault sequence (default 1)`;

const FAULT_FLAGS = {
  'fault-latency-ms': 'latencyMs',
  'fault-error-rate': 'errorRate',
  'fault-reset-rate': 'resetRate',
  'fault-rate-limit-rate': 'rateLimitRate',
  'fault-slow-stream-ms': 'slowStreamMs',
  'fault-seed': 'seed',
} as const;

/** Options from `argv`, or a `usage` message when the flags are wrong or `--help` is given. */
export function parseCli(argv: readonly string[]): EmulatorOptions | { usage: string } {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string', multiple: true },
      account: { type: 'string', multiple: true },
      data: { type: 'string' },
      schema: { type: 'string' },
      'log-level': { type: 'string' },
      'rate-limit': { type: 'string' },
      ...Object.fromEntries(Object.keys(FAULT_FLAGS).map((flag) => [flag, { type: 'string' }])),
      exec: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return { usage: USAGE };

  const port = values.port === undefined ? 5000 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return { usage: `--port must be a number from 0 to 65535.\n\n${USAGE}` };
  }
  const level = values['log-level'] ?? 'info';
  if (!isLogLevel(level)) return { usage: `Unknown --log-level.\n\n${USAGE}` };

  const accounts: AccountOptions[] = [];
  (values.token ?? []).forEach((token, i) => {
    accounts.push({ email: i === 0 ? DEFAULT_EMAIL : `user${i + 1}@example.com`, token });
  });
  for (const spec of values.account ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) {
      return { usage: `--account takes EMAIL=TOKEN.\n\n${USAGE}` };
    }
    accounts.push({ email: spec.slice(0, eq), token: spec.slice(eq + 1) });
  }

  const faults: Record<string, number> = {};
  for (const [flag, option] of Object.entries(FAULT_FLAGS)) {
    const text = (values as Record<string, unknown>)[flag];
    if (typeof text !== 'string') continue;
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      return { usage: `--${flag} takes a number.\n\n${USAGE}` };
    }
    faults[option] = value;
  }
  try {
    planFaults(faults);
  } catch (error) {
    return { usage: `${(error as Error).message}\n\n${USAGE}` };
  }
  const rateLimit = values['rate-limit'] === undefined ? undefined : Number(values['rate-limit']);
  if (rateLimit !== undefined && (!Number.isInteger(rateLimit) || rateLimit < 1)) {
    return { usage: `--rate-limit takes a whole number of at least 1.\n\n${USAGE}` };
  }

  return {
    ...(rateLimit === undefined
      ? {}
      : { rateLimit: { capacity: rateLimit, refillPerMinute: rateLimit } }),
    ...(Object.keys(faults).length === 0 ? {} : { faults }),
    ...(values.host === undefined ? {} : { host: values.host }),
    port,
    accounts: accounts.length > 0 ? accounts : [{ email: DEFAULT_EMAIL, token: DEFAULT_TOKEN }],
    ...(values.data === undefined ? {} : { dataFile: values.data }),
    ...(values.schema === undefined ? {} : { schemaFile: values.schema }),
    ...(values.exec === true ? { exec: true } : {}),
    logLevel: level,
  };
}

/** The text printed once the emulator listens. */
export function startupText(emulator: RunningEmulator, defaultToken: boolean): string {
  const accounts = emulator.accounts.map((a) => `  ${a.email}  token: ${a.token}`).join('\n');
  return [
    `Heroku emulator listening on ${emulator.url}`,
    '',
    `Accounts${defaultToken ? ' (built-in default token; pass --token to choose one)' : ''}:`,
    accounts,
    '',
    'heroku-client:',
    `  new Heroku({ baseUrl: '${emulator.url}', token: '${emulator.token}' })`,
    'Official Heroku CLI:',
    `  HEROKU_HOST=${emulator.url} HEROKU_API_KEY=${emulator.token} \\`,
    `  HEROKU_PARTICLEBOARD_URL=${emulator.url} heroku apps`,
    ...(emulator.caFile === undefined
      ? []
      : [
          '',
          `Rendezvous CA (for heroku run): ${emulator.caFile}`,
          `  trust it with NODE_EXTRA_CA_CERTS=${emulator.caFile}, or new Heroku({ ca })`,
        ]),
    '',
  ].join('\n');
}
