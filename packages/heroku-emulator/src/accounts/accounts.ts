/**
 * Accounts and their API tokens. Each configured token is one account; tokens
 * minted while running (OAuth authorizations) are granted through `grant` and
 * kept in the store, hashed, so they survive a restart with `--data`.
 */
import { createHash, hash as oneShotHash } from 'node:crypto';
import type { Store } from '../store/store.js';

/** The email of the account created when none is configured. */
export const DEFAULT_EMAIL = 'user@example.com';

/** The token of the default account when none is given. */
export const DEFAULT_TOKEN = 'heroku-emulator-token';

/** How an account is configured. */
export interface AccountOptions {
  readonly email: string;
  readonly token: string;
  /** Display name; derived from the email when omitted. */
  readonly name?: string;
}

/** A caller of the API. */
export interface Account {
  /** Stable id derived from the email, so it survives restarts. */
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

const TOKENS = '_token';

/** Knows which token belongs to which account. */
export class AccountDirectory {
  private readonly byHash = new Map<string, Account>();

  private readonly byId = new Map<string, Account>();

  constructor(
    options: readonly AccountOptions[],
    private readonly store: Store,
  ) {
    for (const spec of options) {
      const account = {
        id: idFor(spec.email),
        email: spec.email,
        name: spec.name ?? spec.email.split('@')[0] ?? spec.email,
      };
      this.byHash.set(hash(spec.token), account);
      this.byId.set(account.id, account);
    }
  }

  /** The configured accounts, in the order given. */
  list(): Account[] {
    return [...this.byId.values()];
  }

  /** The account a token belongs to, or `undefined`. */
  byToken(token: string): Account | undefined {
    const key = hash(token);
    const configured = this.byHash.get(key);
    if (configured !== undefined) return configured;
    const granted = this.store.get(TOKENS, key)?.data.account;
    return typeof granted === 'string' ? this.byId.get(granted) : undefined;
  }

  /** The configured account with this id, or `undefined`. */
  byAccountId(id: string): Account | undefined {
    return this.byId.get(id);
  }

  /** Makes `token` authenticate as `account` from now on (e.g. a new authorization). */
  grant(token: string, account: Account): void {
    this.store.put({
      collection: TOKENS,
      id: hash(token),
      data: { account: account.id },
      parents: {},
      owner: account.id,
    });
  }

  /** Stops `token` from authenticating (e.g. a deleted authorization). */
  revoke(token: string): void {
    this.store.delete(TOKENS, hash(token));
  }
}

/** The account id for an email: a UUID-formatted digest, stable across runs. */
export function idFor(email: string): string {
  const hex = createHash('sha256').update(`account:${email}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function hash(token: string): string {
  return oneShotHash('sha256', token, 'hex');
}
