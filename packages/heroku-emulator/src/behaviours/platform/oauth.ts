/**
 * OAuth authorizations: a new authorization carries an access token that
 * authenticates as the creating account from then on; deleting it revokes
 * the token, regenerating replaces it with a new one.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Account } from '../../accounts/accounts.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../context.js';
import { bodyOf, putRecord, saveData, stringAt } from './common.js';

/** OAuth authorization handlers by link id. */
export const oauthBehaviours: Readonly<Record<string, Behaviour>> = {
  'oauth-authorization.create': createAuthorization,
  'oauth-authorization.delete': deleteAuthorization,
  'oauth-authorization.regenerate': regenerateAuthorization,
};

/** A fresh token in Heroku's current format. */
function newToken(): string {
  return `HRKU-AA${randomBytes(32).toString('base64url')}`;
}

function accessToken(token: string, expiresIn: unknown): JsonObject {
  return {
    expires_in: typeof expiresIn === 'number' ? expiresIn : null,
    id: randomUUID(),
    token,
    version: 1,
  };
}

function createAuthorization(ctx: BehaviourContext): BehaviourResult {
  const body = bodyOf(ctx);
  const account = ctx.account;
  const token = newToken();
  const stamp = ctx.services.now().toISOString();
  const id = randomUUID();
  const scope = Array.isArray(body.scope) ? body.scope.map(String) : ['global'];
  const data: JsonObject = {
    access_token: accessToken(token, body.expires_in),
    client: null,
    created_at: stamp,
    description: stringAt(body, 'description') ?? null,
    grant: null,
    id,
    refresh_token: null,
    scope,
    session: null,
    updated_at: stamp,
    user: { email: account.email, full_name: account.name, id: account.id },
  };
  putRecord(ctx.services.store, {
    collection: 'oauth-authorization',
    id,
    data,
    parents: {},
    owner: account.id,
  });
  ctx.services.accounts.grant(token, account);
  return { status: 201, body: data };
}

function tokenOf(record: StoredRecord): string | undefined {
  return stringAt(record.data.access_token, 'token');
}

function deleteAuthorization(ctx: BehaviourContext): BehaviourResult {
  const record = ctx.resolve('oauth_authorization_id');
  const token = tokenOf(record);
  if (token !== undefined) ctx.services.accounts.revoke(token);
  ctx.services.store.delete(record.collection, record.id);
  return { body: record.data };
}

function regenerateAuthorization(ctx: BehaviourContext): BehaviourResult {
  const record = ctx.resolve('oauth_authorization_id');
  const old = tokenOf(record);
  if (old !== undefined) ctx.services.accounts.revoke(old);
  const token = newToken();
  const owner = ctx.services.accounts.byAccountId(record.owner ?? '') ?? (ctx.account as Account);
  ctx.services.accounts.grant(token, owner);
  const previous = record.data.access_token as JsonObject | null;
  const data = {
    ...record.data,
    access_token: accessToken(token, previous?.expires_in),
    updated_at: ctx.services.now().toISOString(),
  };
  return { body: saveData(ctx.services.store, record, data) };
}
