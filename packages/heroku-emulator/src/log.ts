/**
 * The emulator's logger: one line per request at `info`, problems at `error`.
 * Lines never contain headers, bodies or tokens.
 */

/** How much the emulator says. */
export type LogLevel = 'silent' | 'error' | 'info' | 'debug';

const RANK: Readonly<Record<LogLevel, number>> = { silent: 0, error: 1, info: 2, debug: 3 };

/** A leveled line logger. */
export interface Logger {
  error(line: string): void;
  info(line: string): void;
  debug(line: string): void;
}

/** True when `value` names a log level. */
export function isLogLevel(value: string): value is LogLevel {
  return Object.hasOwn(RANK, value);
}

/** A logger writing lines at or above `level` to `sink` (stderr by default). */
export function createLogger(
  level: LogLevel,
  sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  const at = (wanted: LogLevel) => (line: string) => {
    if (RANK[level] >= RANK[wanted]) sink(line);
  };
  return { error: at('error'), info: at('info'), debug: at('debug') };
}
