#!/usr/bin/env node
/**
 * Bundles the compiled package (dist/src, written by `tsc -b`) into dist/bundle,
 * the entry both module systems load. Node resolves and links each ES module
 * file on its own, and the client's few dozen small files cost about twice the
 * start-up time of one file with the same code. The generated per-resource
 * validators stay separate chunks, still loaded on first use.
 */
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

// Chunk names carry a content hash: chunks of an earlier build must not linger.
await rm(`${root}dist/bundle`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: ['dist/src/index.js'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // undici is imported only when the traffic calls for it (see core/transport.ts).
  external: ['undici'],
  sourcemap: true,
  logLevel: 'warning',
});
