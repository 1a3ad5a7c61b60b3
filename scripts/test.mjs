#!/usr/bin/env node
// Runs every compiled test file of the workspace with Node's own test runner.
// Usage: node scripts/test.mjs [package-name-or-path-filter ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function collect(dir, out, suffix = '.test.js') {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) collect(path, out, suffix);
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}

const files = [];
for (const pkg of readdirSync(join(root, 'packages'))) {
  collect(join(root, 'packages', pkg, 'dist', 'test'), files);
}
collect(join(root, 'examples'), files, '.test.mjs');
// Suites in plain JavaScript are not compiled by tsc; they run from their sources.
for (const pkg of readdirSync(join(root, 'packages'))) {
  for (const suffix of ['.test.cjs', '.test.mjs']) {
    collect(join(root, 'packages', pkg, 'test'), files, suffix);
  }
}
const chosen = files
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (chosen.length === 0) {
  console.error('no test files found; run `npx tsc -b` first');
  process.exit(1);
}

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...chosen], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
