/**
 * One-off commands: the built-in shell (safe, deterministic, the default) and real execution
 * under `sh -c` (opt-in).
 */
export { type ProcessOptions, startBuiltinProcess } from './builtin-process.js';
export { type ExecOptions, startExecProcess } from './exec-process.js';
export { runShellScript, type ShellIo } from './interpreter.js';
export type { ExitStatus, OneOffProcess } from './process.js';
