/**
 * Attached one-off dynos: the emulator's CA and certificate, the TLS rendezvous server, and
 * the glue that runs a command for a rendezvous client.
 */
export { type Certificates, defaultDataDir, ensureCertificates } from './certificates.js';
export { splitExitMarker } from './exit-marker.js';
export {
  type OneOff,
  type OneOffContext,
  type OneOffOptions,
  type OneOffState,
  startOneOff,
} from './one-off.js';
export {
  createRendezvousServer,
  type RendezvousServer,
  type RendezvousServerOptions,
  type RendezvousSession,
} from './server.js';
