/**
 * Streaming helpers: attached one-off dynos over rendezvous, log sessions, and build
 * output. They take any client with a `post` (a `Heroku` instance) and read well next to
 * the generated methods:
 *
 * ```ts
 * const run = runAttached(heroku, 'my-app', { command: 'echo hi' });
 * for await (const line of streamLogs(heroku, 'my-app', { tail: true, signal })) console.log(line);
 * for await (const line of streamBuildOutput(build)) console.log(line);
 * ```
 */
export type { StreamConnectionOptions, StreamingApi } from './api.js';
export {
  type AttachedDyno,
  type AttachedRun,
  type RunAttachedOptions,
  runAttached,
} from './attached.js';
export {
  OutputStreamError,
  type StreamBuildOutputOptions,
  streamBuildOutput,
} from './build-output.js';
export { EXIT_MARKER_SUFFIX, ExitMarkerFilter } from './exit-marker.js';
export type { StreamGetOptions } from './http-get.js';
export { LogStreamError, type StreamLogsOptions, streamLogs } from './logs.js';
export { RendezvousError } from './rendezvous.js';
export { parseSse, type SseEvent } from './sse.js';
