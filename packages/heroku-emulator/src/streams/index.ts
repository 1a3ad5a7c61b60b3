/**
 * The emulator's streaming side: app logs and log sessions, build output streams, and
 * attached one-off dynos. The HTTP layer creates it once with `createStreamingHooks` and
 * routes every path under its prefix (`/streams/`) to `handleStreamRequest`.
 */

export type { OneOff, OneOffState } from '../rendezvous/one-off.js';
export type { ExitStatus } from '../shell/process.js';
export {
  createStreamingHooks,
  type OutputStream,
  type StartOneOffParams,
  type StreamingHooks,
  type StreamingOptions,
} from './hooks.js';
export {
  DEFAULT_LOG_CAPACITY,
  formatLogLine,
  LogBuffer,
  type LogEntry,
  type LogFilter,
  type LogInput,
} from './log-buffer.js';
export type { LogSessionParams } from './log-sessions.js';
