/**
 * The exit-status marker clients append to a command. Exit status is not part of the
 * rendezvous protocol, so the official CLI (with `--exit-code`) appends
 * ` ; echo "\uFFFF heroku-command-exit-status: $?"` and reads the number back from the output.
 * The legacy CLI appended `; echo heroku-command-exit-status $?`.
 */
const MARKER_SUFFIX = /\s*;\s*echo\s+("?)(\uFFFF )?heroku-command-exit-status(:?) \$\?\1\s*$/u;

/** A command split from the marker its client appended. */
export interface MarkedCommand {
  /** The command to run, without the marker. */
  readonly command: string;
  /** Formats the marker line for a status, or is `undefined` when no marker was asked for. */
  readonly markerLine: ((status: number) => string) | undefined;
}

/**
 * Splits off the marker so the emulator can print it itself, after the process ends however
 * it ends: `exit 3 ; echo ...` would otherwise never reach the echo.
 */
export function splitExitMarker(command: string): MarkedCommand {
  const match = MARKER_SUFFIX.exec(command);
  if (!match) return { command, markerLine: undefined };
  const prefix = match[2] ?? '';
  const colon = match[3] ?? '';
  return {
    command: command.slice(0, match.index),
    markerLine: (status) => `${prefix}heroku-command-exit-status${colon} ${status}\n`,
  };
}
