/**
 * How long the emulated platform takes for its asynchronous steps. Heroku takes
 * seconds; the emulator keeps the same order of states (pending before
 * succeeded, starting before up) but moves through them quickly so that test
 * suites polling for the final state finish fast.
 */

/** From a dyno's `starting` to `up`. */
export const DYNO_BOOT_MS = 40;

/** From a build's `pending` to `succeeded` or `failed`, after its source was read. */
export const BUILD_MS = 60;
