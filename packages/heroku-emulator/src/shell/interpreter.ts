import { ownValue, setOwn } from '../shapes/own-members.js';
import { builtins, type CommandContext } from './builtins.js';
import { expandToString, expandWords } from './expand.js';
import type { ShellInput } from './input.js';
import { parseScript, type Script, ShellSyntaxError, type SimpleCommand } from './parse.js';

/** Where a shell reads, writes and stops. */
export interface ShellIo {
  readonly input: ShellInput;
  /** Aborts on Ctrl-C or when the process is stopped: the shell ends with status 130. */
  readonly signal: AbortSignal;
  write(text: string | Buffer): void;
  /** True when attached to a terminal: an interactive `sh` then shows a prompt. */
  readonly tty: boolean;
}

/** The status a shell ends with when interrupted (128 + SIGINT), as `sh` reports it. */
export const INTERRUPTED_STATUS = 130;

/** Thrown by `exit` to unwind to the shell that owns it. */
class ExitRequest {
  constructor(readonly status: number) {}
}

/**
 * Runs a command line in the built-in shell and resolves with its exit status. `env` is the
 * exported environment (config vars plus the request's env). Never rejects: syntax errors
 * print a message and give status 2, like `sh -c`.
 */
export function runShellScript(
  source: string,
  env: Readonly<Record<string, string>>,
  io: ShellIo,
): Promise<number> {
  return new Shell(env, io).runSource(source);
}

class Shell {
  readonly #exported: Record<string, string>;
  readonly #locals: Record<string, string> = {};
  readonly #io: ShellIo;
  #status = 0;

  constructor(env: Readonly<Record<string, string>>, io: ShellIo) {
    this.#exported = { ...env };
    this.#io = io;
  }

  async runSource(source: string): Promise<number> {
    let script: Script;
    try {
      script = parseScript(source);
    } catch (error) {
      return this.#syntaxError(error);
    }

    try {
      await this.#runScript(script);
    } catch (error) {
      if (error instanceof ExitRequest) return error.status;
      throw error;
    }
    return this.#io.signal.aborted ? INTERRUPTED_STATUS : this.#status;
  }

  /** A bare `sh`: reads and runs lines from stdin until end of input or `exit`. */
  async runInteractive(): Promise<number> {
    for (;;) {
      if (this.#io.tty) this.#io.write('~ $ ');
      const line = await this.#io.input.readLine(this.#io.signal);
      if (line === null) return this.#io.signal.aborted ? INTERRUPTED_STATUS : this.#status;

      try {
        await this.#runScript(parseScript(line));
      } catch (error) {
        if (error instanceof ExitRequest) return error.status;
        this.#status = this.#syntaxError(error);
      }
    }
  }

  async #runScript(script: Script): Promise<void> {
    for (const list of script) {
      if (this.#io.signal.aborted) return;
      this.#status = await this.#runCommand(list.commands[0] as SimpleCommand);

      for (const [index, op] of list.ops.entries()) {
        if (this.#io.signal.aborted) return;
        if ((op === '&&') !== (this.#status === 0)) continue;
        this.#status = await this.#runCommand(list.commands[index + 1] as SimpleCommand);
      }
    }
  }

  async #runCommand(command: SimpleCommand): Promise<number> {
    const lookup = (name: string) => this.#lookup(name);
    const assigned: Record<string, string> = {};
    for (const { name, value } of command.assignments) {
      assigned[name] = expandToString(value, lookup);
    }

    const args = expandWords(command.words, lookup);
    // Assignments alone set shell variables; before a command they only reach that command.
    if (args.length === 0) {
      for (const [name, value] of Object.entries(assigned)) this.#assign(name, value);
      return 0;
    }
    return this.#invoke(args, assigned);
  }

  async #invoke(args: readonly string[], extraEnv: Record<string, string>): Promise<number> {
    const [name, ...rest] = args as [string, ...string[]];
    const special = this.#special(name, rest);
    if (special !== undefined) return special;

    const builtin = Object.hasOwn(builtins, name) ? builtins[name] : undefined;
    if (!builtin) {
      this.#io.write(`sh: ${name}: not found\n`);
      return 127;
    }
    return builtin(rest, this.#context({ ...this.#exported, ...extraEnv }));
  }

  /** Commands that change the shell itself, so they cannot live in the builtin table. */
  #special(name: string, args: readonly string[]): number | undefined {
    if (name === 'exit') {
      const status = args[0] === undefined ? this.#status : Number.parseInt(args[0], 10);
      throw new ExitRequest(Number.isNaN(status) ? 2 : status & 0xff);
    }
    if (name === 'export' || name === 'unset') {
      for (const arg of args) {
        const [key = '', ...value] = arg.split('=');
        if (name === 'unset') {
          delete this.#exported[key];
          delete this.#locals[key];
        } else {
          this.#exported[key] = value.length > 0 ? value.join('=') : (this.#lookup(key) ?? '');
          delete this.#locals[key];
        }
      }
      return 0;
    }
    return undefined;
  }

  #context(env: Record<string, string>): CommandContext {
    const io = this.#io;
    return {
      env,
      input: io.input,
      signal: io.signal,
      write: (text) => io.write(text),
      runCommand: (args, extra) => this.#invoke(args, extra),
      runShell: (script) => {
        const nested = new Shell(env, io);
        return script === undefined ? nested.runInteractive() : nested.runSource(script);
      },
    };
  }

  #lookup(name: string): string | undefined {
    if (name === '?') return String(this.#status);
    if (name === '$') return '1';
    if (name === '#') return '0';
    if (name === '0') return 'sh';
    // Own members only: `$constructor` is an unset variable, not Object's constructor.
    return (ownValue(this.#locals, name) ?? ownValue(this.#exported, name)) as string | undefined;
  }

  #assign(name: string, value: string): void {
    setOwn(Object.hasOwn(this.#exported, name) ? this.#exported : this.#locals, name, value);
  }

  #syntaxError(error: unknown): number {
    if (!(error instanceof ShellSyntaxError)) throw error;
    this.#io.write(`sh: ${error.message}\n`);
    return 2;
  }
}
