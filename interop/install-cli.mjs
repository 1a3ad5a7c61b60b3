#!/usr/bin/env node
/**
 * Installs the official Heroku CLI (npm `heroku`, pinned) into `.cache/heroku-cli/` at the
 * repository root, unless that exact version is already there.
 *
 * Usage: node interop/install-cli.mjs
 *
 * Install scripts are skipped (`--ignore-scripts`). The only ones in the CLI's tree build
 * optional native speed-ups for ssh2 (`sshcrypto`, `cpu-features`), run a yarn preinstall and a
 * protobufjs postinstall; none of them is needed by the commands the suite runs, and skipping them
 * means a fresh machine needs no compiler, and npm 11 does not stop on its allowScripts check.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The CLI version the suite is written against. */
export const CLI_VERSION = '11.10.0';

/** Repository root (the folder above `interop/`). */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** npm prefix the CLI is installed into. */
export const CLI_PREFIX = join(REPO_ROOT, '.cache', 'heroku-cli');

/** The CLI's entry script (what `node_modules/.bin/heroku` links to). */
export const CLI_ENTRY = join(CLI_PREFIX, 'node_modules', 'heroku', 'bin', 'run.js');

/** Returns the installed CLI version, or undefined when none is installed. */
export function installedCliVersion() {
  const manifest = join(CLI_PREFIX, 'node_modules', 'heroku', 'package.json');
  if (!existsSync(manifest) || !existsSync(CLI_ENTRY)) return undefined;
  try {
    return JSON.parse(readFileSync(manifest, 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * Installs the pinned CLI when it is missing or at another version.
 * Returns what it did: `'present'` or `'installed'`. Throws when npm fails.
 */
export function ensureCli(log = (line) => process.stdout.write(`${line}\n`)) {
  const found = installedCliVersion();
  if (found === CLI_VERSION) {
    log(`heroku@${CLI_VERSION} already installed in ${CLI_PREFIX}`);
    return 'present';
  }
  log(
    found === undefined
      ? `installing heroku@${CLI_VERSION} into ${CLI_PREFIX}`
      : `replacing heroku@${found} with heroku@${CLI_VERSION} in ${CLI_PREFIX}`,
  );

  // A package.json of its own keeps npm from looking for one further up (the workspace root),
  // so the install never touches the repository's lockfile.
  mkdirSync(CLI_PREFIX, { recursive: true });
  const manifest = join(CLI_PREFIX, 'package.json');
  if (!existsSync(manifest)) {
    const content = { name: 'heroku-cli-cache', private: true, description: 'interop suite CLI' };
    writeFileSync(manifest, `${JSON.stringify(content, null, 2)}\n`);
  }

  const args = ['install', '--prefix', CLI_PREFIX, `heroku@${CLI_VERSION}`];
  args.push('--no-audit', '--no-fund', '--save-exact', '--ignore-scripts', '--workspaces=false');
  const started = Date.now();
  const result = spawnSync('npm', args, {
    cwd: CLI_PREFIX,
    // npm's report goes to stderr: under `node --test`, a test file's stdout is the test protocol.
    stdio: ['ignore', process.stderr, 'inherit'],
    shell: process.platform === 'win32',
  });
  if (result.error) throw new Error(`could not run npm: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`npm install failed with exit code ${result.status}`);

  const now = installedCliVersion();
  if (now !== CLI_VERSION) {
    throw new Error(`after npm install, found heroku@${now ?? 'nothing'}, not ${CLI_VERSION}`);
  }
  log(`installed heroku@${CLI_VERSION} in ${Math.round((Date.now() - started) / 1000)} s`);
  return 'installed';
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensureCli();
  } catch (error) {
    process.stderr.write(`install-cli: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  }
}
