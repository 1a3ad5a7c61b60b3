/**
 * Reads the password of one machine from a netrc file, the way the Heroku CLI
 * stores its token (`machine api.heroku.com`, `login <email>`, `password <token>`).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Environment } from './proxy.js';

/** The netrc file to read: $NETRC, else `~/.netrc` (`~/_netrc` on Windows). */
export function netrcPath(env: Environment): string {
  if (env.NETRC) return env.NETRC;
  const home = env.HOME || env.USERPROFILE || homedir();
  return join(home, process.platform === 'win32' ? '_netrc' : '.netrc');
}

function tokenize(text: string): string[] {
  const words: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const content = line.trimStart().startsWith('#') ? '' : line;
    for (const word of content.split(/\s+/)) if (word !== '') words.push(word);
    // A macro definition runs to the next blank line; mark where it ends.
    if (line.trim() === '') words.push('\n');
  }
  return words;
}

/**
 * The password for `machine` in netrc `text`, else undefined. The `default`
 * entry is never used: it holds the credentials of every other service (FTP,
 * git hosts), which must not be sent to the API as a token.
 */
export function netrcPassword(text: string, machine: string): string | undefined {
  const words = tokenize(text);
  let current: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === 'machine') current = words[++i];
    // `default` ends the entry before it, so its password is nobody's.
    else if (word === 'default') current = undefined;
    else if (word === 'macdef') while (i < words.length && words[i] !== '\n') i++;
    else if (word === 'password') {
      const value = words[++i];
      if (current === machine) return value;
    }
  }
  return undefined;
}

/** Reads the netrc file and returns the token for `host`, or undefined when there is none. */
export function tokenFromNetrc(
  env: Environment,
  host: string,
  hostname: string,
): string | undefined {
  let text: string;
  try {
    text = readFileSync(netrcPath(env), 'utf8');
  } catch {
    return undefined;
  }
  return netrcPassword(text, host) ?? netrcPassword(text, hostname);
}
