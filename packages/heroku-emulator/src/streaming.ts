/**
 * The seam between the API emulator and its streaming parts (rendezvous for
 * attached one-off dynos, log sessions, build output). The server calls these
 * hooks; the streaming code implements them. Every hook is optional: without
 * one, the related URL fields are served as `null` and nothing streams.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the streaming side learns when the emulator starts. */
export interface StreamingEnvironment {
  /** The emulator's base URL, e.g. `http://127.0.0.1:5000`. */
  readonly baseUrl: string;
  /** The interface the API listens on; streaming listeners should use it too. */
  readonly host: string;
  /** Where diagnostic lines go (never tokens). */
  readonly log: (line: string) => void;
}

/** A one-off dyno whose command is to run. */
export interface RunRequest {
  readonly appId: string;
  readonly appName: string;
  readonly dynoId: string;
  /** `run.1`, ... */
  readonly dynoName: string;
  readonly command: string;
  readonly env: Readonly<Record<string, string>>;
}

/** A one-off dyno that a caller wants to attach to. */
export interface AttachRequest extends RunRequest {
  /** True when the caller asked for no TTY (`force_no_tty`). */
  readonly noTty: boolean;
}

/** A log session being created. */
export interface LogSessionRequest {
  readonly appId: string;
  readonly appName: string;
  readonly sessionId: string;
  readonly dyno?: string;
  readonly source?: string;
  /** Lines of history to send first; 0 for none (a tail of new lines only). */
  readonly lines?: number;
  readonly tail: boolean;
}

/** One line of an app's log. */
export interface LogLine {
  readonly appId: string;
  /** `app`, `heroku`, ... */
  readonly source: string;
  /** `web.1`, `api`, `router`, ... */
  readonly dyno: string;
  readonly message: string;
  readonly time: Date;
}

/** Implemented by the streaming code; passed to `startEmulator({ streaming })`. */
export interface StreamingHooks {
  /** Starts listeners (e.g. the TLS rendezvous server) once the API listens. */
  start?(env: StreamingEnvironment): Promise<void>;

  /** Stops everything `start` opened. */
  stop?(): Promise<void>;

  /**
   * Offered every HTTP request before authentication; returns true when it
   * answered it (capability URLs such as log streams carry no API token).
   */
  handleRequest?(req: IncomingMessage, res: ServerResponse): boolean;

  /** Returns the `attach_url` (`rendezvous://host:port/secret`) for a dyno. */
  attachDyno?(request: AttachRequest): string;

  /**
   * Runs a detached dyno's command at once, with an empty stdin and no client: its output
   * goes to the app's log and its end reaches `onDynoExit`. Without this hook a detached
   * dyno completes as soon as it is up, having run nothing.
   */
  runDyno?(request: RunRequest): void;

  /** Returns the `logplex_url` for a new log session. */
  logSessionUrl?(request: LogSessionRequest): string;

  /** Returns the `output_stream_url` for a build. */
  buildOutputUrl?(build: { appId: string; buildId: string }): string;

  /** Receives each log line the emulator produces for an app. */
  appendLog?(line: LogLine): void;

  /** Stops a one-off dyno's process (stop, restart, time to live, app deleted). */
  stopDyno?(dynoId: string): void;

  /** Calls `listener` when a one-off dyno's process ends, with its exit code. */
  onDynoExit?(
    listener: (dynoId: string, status: { code: number; signal?: string | null }) => void,
  ): void;

  /** A build's output stream, for the build behaviour to write lines to and end. */
  buildOutput?(buildId: string): { write(text: string): void; end(): void };

  /** Drops an app's log lines and sessions when the app is deleted. */
  forgetApp?(appId: string): void;

  /** PEM file of the CA that signs the rendezvous certificate, when there is one. */
  readonly caFile?: string;
}
