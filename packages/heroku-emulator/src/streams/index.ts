/**
 * The emulator's streaming side: app logs and log sessions, build output streams, and
 * attached one-off dynos. `createEmulatorStreaming()` implements the emulator's streaming
 * seam (pass it to `startEmulator({ streaming })`); `createStreamingHooks` is the layer
 * under it, usable on its own with any HTTP server that routes `/streams/` to it.
 */

export type { OneOff, OneOffState } from '../rendezvous/one-off.js';
export type { ExitStatus } from '../shell/process.js';
export {
  createEmulatorStreaming,
  type EmulatorStreaming,
  type EmulatorStreamingOptions,
} from './emulator-streaming.js';
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
