import type { ShellInput } from './input.js';
import { expandEscapes, formatPrintf } from './printf.js';

/** What a built-in command can reach while it runs. */
export interface CommandContext {
  /** The exported environment of this command. */
  readonly env: Readonly<Record<string, string>>;
  readonly input: ShellInput;
  /** Aborts when the process is interrupted or stopped. */
  readonly signal: AbortSignal;
  /** Writes to the terminal (stdout and stderr are merged, as on a dyno's tty). */
  write(text: string | Buffer): void;
  /** Runs another command with extra environment (for `env NAME=value cmd`). */
  runCommand(args: readonly string[], env: Readonly<Record<string, string>>): Promise<number>;
  /** Runs a nested shell: a script for `sh -c`, or lines read from stdin for a bare `sh`. */
  runShell(script: string | undefined): Promise<number>;
}

/** A built-in command: its arguments (without the name) in, exit status out. */
export type Builtin = (args: readonly string[], ctx: CommandContext) => Promise<number> | number;

/** The commands the built-in shell knows, by name. */
export const builtins: Readonly<Record<string, Builtin>> = {
  echo,
  printf: (args, ctx) => {
    if (args.length === 0) return fail(ctx, 'printf: usage: printf format [arguments]', 2);
    ctx.write(formatPrintf(args[0] as string, args.slice(1)));
    return 0;
  },
  env: envCommand,
  printenv,
  cat,
  sleep,
  true: () => 0,
  false: () => 1,
  ':': () => 0,
  pwd: (_args, ctx) => {
    ctx.write(`${ctx.env.HOME ?? '/app'}\n`);
    return 0;
  },
  sh: shell,
  bash: shell,
};

function echo(args: readonly string[], ctx: CommandContext): number {
  let newline = true;
  let escapes = false;
  let index = 0;
  // Like bash's echo: leading -n/-e/-E flags, no escapes unless asked.
  for (; index < args.length && /^-[neE]+$/.test(args[index] as string); index++) {
    for (const flag of (args[index] as string).slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
  }
  const text = args.slice(index).join(' ');
  ctx.write((escapes ? expandEscapes(text) : text) + (newline ? '\n' : ''));
  return 0;
}

function envCommand(args: readonly string[], ctx: CommandContext): Promise<number> | number {
  const extra: Record<string, string> = {};
  let index = 0;
  for (; index < args.length; index++) {
    const match = /^([^=]+)=(.*)$/s.exec(args[index] as string);
    if (!match) break;
    extra[match[1] as string] = match[2] as string;
  }

  if (index < args.length) return ctx.runCommand(args.slice(index), extra);
  const all = { ...ctx.env, ...extra };
  for (const name of Object.keys(all).sort()) ctx.write(`${name}=${all[name]}\n`);
  return 0;
}

function printenv(args: readonly string[], ctx: CommandContext): number {
  if (args.length === 0) return envCommand([], ctx) as number;
  let status = 0;
  for (const name of args) {
    const value = Object.hasOwn(ctx.env, name) ? ctx.env[name] : undefined;
    if (value === undefined) status = 1;
    else ctx.write(`${value}\n`);
  }
  return status;
}

async function cat(args: readonly string[], ctx: CommandContext): Promise<number> {
  const files = args.filter((arg) => arg !== '-');
  // There is no file system behind the built-in shell: only stdin can be read.
  if (files.length > 0) {
    for (const file of files) ctx.write(`cat: ${file}: No such file or directory\n`);
    return 1;
  }
  for (;;) {
    const chunk = await ctx.input.read(ctx.signal);
    if (chunk === null) return 0;
    ctx.write(chunk);
  }
}

function sleep(args: readonly string[], ctx: CommandContext): Promise<number> | number {
  const units: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
  let seconds = 0;
  for (const arg of args) {
    const match = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
    if (!match) return fail(ctx, `sleep: invalid time interval '${arg}'`, 1);
    seconds += Number(match[1]) * (units[match[2] as string] ?? 1);
  }
  if (args.length === 0) return fail(ctx, 'sleep: missing operand', 1);

  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(0), seconds * 1000);
    const finish = (status: number) => {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', onAbort);
      resolve(status);
    };
    const onAbort = () => finish(130);
    ctx.signal.addEventListener('abort', onAbort, { once: true });
  });
}

function shell(args: readonly string[], ctx: CommandContext): Promise<number> | number {
  if (args.length === 0) return ctx.runShell(undefined);
  if (args[0] === '-c' && args[1] !== undefined) return ctx.runShell(args[1]);
  return fail(ctx, `sh: ${args[0]}: No such file or directory`, 127);
}

function fail(ctx: CommandContext, message: string, status: number): number {
  ctx.write(`${message}\n`);
  return status;
}
