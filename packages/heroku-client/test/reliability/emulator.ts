/**
 * Starts heroku-emulator for the client's reliability tests. The client never
 * depends on the emulator, not even to build its tests, so the emulator is
 * loaded at run time (the workspace builds it) and typed here by the little
 * these tests use of it.
 */

/** A stored record, as far as these tests read it. */
export interface EmulatorRecord {
  readonly id: string;
  readonly owner: string | null;
  readonly parents: Readonly<Record<string, string>>;
  readonly data: Readonly<Record<string, unknown>>;
}

/** The parts of a running emulator these tests use. */
export interface Emulator {
  readonly url: string;
  readonly token: string;
  readonly accounts: readonly { readonly id: string; readonly token: string }[];
  readonly store: {
    find(collection: string, filter?: { owner?: string | null }): EmulatorRecord[];
    put(record: EmulatorRecord & { readonly collection: string }): void;
  };
  readonly faults: {
    configure(options: Record<string, number> | undefined): void;
    stats(): { requests: number; errors: number; resets: number; rateLimited: number };
  };
  stop(): Promise<void>;
}

/** Starts an emulator on a free port with `options` (see `startEmulator` of heroku-emulator). */
export async function startEmulator(options: Record<string, unknown> = {}): Promise<Emulator> {
  const name = 'heroku-emulator';
  const emulator = (await import(name)) as {
    startEmulator(options: Record<string, unknown>): Promise<Emulator>;
  };
  return emulator.startEmulator({ port: 0, logLevel: 'silent', ...options });
}
