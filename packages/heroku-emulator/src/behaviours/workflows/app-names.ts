/**
 * App names: Heroku's rule (a lowercase letter first, then lowercase letters,
 * digits and dashes, a letter or digit last, 3 to 30 characters), global
 * uniqueness across every account, and generated `adjective-noun-1234` names
 * for apps created without one.
 */
import { randomInt } from 'node:crypto';
import { invalidParams } from '../../http/errors.js';
import type { Store } from '../../store/store.js';
import { isObject } from './records.js';

const NAME_PATTERN = /^[a-z][a-z0-9-]{1,28}[a-z0-9]$/;

const ADJECTIVES = [
  'ancient',
  'autumn',
  'billowing',
  'bitter',
  'blooming',
  'calm',
  'cold',
  'crimson',
  'damp',
  'dark',
  'dry',
  'falling',
  'fragrant',
  'frosty',
  'gentle',
  'hidden',
  'icy',
  'infinite',
  'lively',
  'misty',
  'morning',
  'nameless',
  'polar',
  'quiet',
  'rough',
  'severe',
  'shy',
  'silent',
  'snowy',
  'sparkling',
  'still',
  'tranquil',
  'wild',
  'young',
];

const NOUNS = [
  'bastion',
  'beach',
  'brook',
  'butte',
  'cliffs',
  'cove',
  'crag',
  'dawn',
  'depths',
  'dusk',
  'falls',
  'fjord',
  'forest',
  'garden',
  'glacier',
  'harbor',
  'island',
  'lake',
  'meadow',
  'mesa',
  'mountain',
  'ocean',
  'peak',
  'plains',
  'reaches',
  'reef',
  'river',
  'sands',
  'savannah',
  'sea',
  'shore',
  'springs',
  'stream',
  'temple',
  'thicket',
  'tundra',
  'waters',
  'woodland',
];

/** The message Heroku gives for a name that breaks the letter rules. */
export const NAME_RULE_MESSAGE =
  'Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.';

/** 422 unless `name` follows Heroku's app name rule. */
export function checkAppName(name: unknown): void {
  if (typeof name !== 'string') throw invalidParams('Name must be a string.');
  if (name.length < 3 || name.length > 30) {
    throw invalidParams('Name must be between 3 and 30 characters long.');
  }
  if (!NAME_PATTERN.test(name)) throw invalidParams(NAME_RULE_MESSAGE);
}

/** Body check of app create and update: a given name must follow the rule. */
export function checkNameInBody(body: unknown): void {
  if (isObject(body) && body.name !== undefined && body.name !== null) checkAppName(body.name);
}

/** 422 "Name is already taken" when any account's app is called `name`. */
export function claimAppName(store: Store, name: string, exceptId?: string): void {
  const taken = store
    .findBy('app', ['name'], name)
    .some((app) => app.data.name === name && app.id !== exceptId);
  if (taken) throw invalidParams('Name is already taken');
}

/** A free name like `severe-mountain-7931`. */
export function generateAppName(store: Store): string {
  for (;;) {
    const adjective = ADJECTIVES[randomInt(ADJECTIVES.length)] ?? 'quiet';
    const noun = NOUNS[randomInt(NOUNS.length)] ?? 'river';
    const name = `${adjective}-${noun}-${randomInt(10, 100_000)}`;
    if (!store.findBy('app', ['name'], name).some((app) => app.data.name === name)) return name;
  }
}
