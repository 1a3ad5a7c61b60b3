/**
 * Teams as far as team apps need them: creating a team makes the caller its
 * admin; members are configured accounts with a role; a team app is an app
 * owned by the team (`owner` is the team's `@herokumanager.com` identity) that
 * every member sees.
 */
import { randomUUID } from 'node:crypto';
import { invalidParams, notFound } from '../../http/errors.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../context.js';
import { createApp } from '../workflows/index.js';
import { TEAM_PERMISSIONS } from './collaborators.js';
import { bodyOf, putRecord, ref, requiredString, saveData, stringAt } from './common.js';
import { visibleBy } from './pipelines/pipelines.js';

/** Team names: lowercase letters, digits and dashes. */
const TEAM_NAME = /^[a-z][a-z0-9-]{1,29}$/;

/** Team handlers by link id. */
export const teamBehaviours: Readonly<Record<string, Behaviour>> = {
  'team.create': createTeam,
  'team-member.create': addMember,
  'team-member.createOrUpdate': addMember,
  'team-app.create': createTeamApp,
  'team-app.info': (ctx) => ({ body: ctx.resolve('team_app_name').data }),
  'team-app.updateLocked': updateLocked,
  'team-app.listByTeam': (ctx) => {
    const team = ctx.resolve('team_name_or_id');
    const apps = ctx.services.store
      .find('app')
      .filter((a) => stringAt(a.data.team, 'id') === team.id);
    return { body: apps.map((a) => a.data) };
  },
  'team-app-permission.list': () => ({
    body: Object.entries(TEAM_PERMISSIONS).map(([name, description]) => ({ name, description })),
  }),
  'team-app-collaborator.info': (ctx) => ({
    body: ctx.resolve('team_app_collaborator_email').data,
  }),
  'team-app-collaborator.delete': (ctx) => {
    const record = ctx.resolve('team_app_collaborator_email');
    ctx.services.store.delete(record.collection, record.id);
    return { body: record.data };
  },
};

function createTeam(ctx: BehaviourContext): BehaviourResult {
  const { store } = ctx.services;
  const name = requiredString(bodyOf(ctx), 'name');
  if (!TEAM_NAME.test(name))
    throw invalidParams('Name must be lowercase letters, digits and dashes.');
  if (store.find('team').some((t) => t.data.name === name)) {
    throw invalidParams('Name is already taken.');
  }
  const stamp = ctx.services.now().toISOString();
  const id = randomUUID();
  const data: JsonObject = {
    created_at: stamp,
    credit_card_collections: false,
    default: false,
    enterprise_account: null,
    id,
    identity_provider: null,
    membership_limit: null,
    name,
    pipeline_cost_consent_at: null,
    pipeline_cost_consent_user_email: null,
    provisioned_licenses: false,
    role: 'admin',
    type: 'team',
    updated_at: stamp,
  };
  const team: StoredRecord = { collection: 'team', id, data, parents: {}, owner: ctx.account.id };
  putRecord(store, team);
  putMember(ctx, team, ctx.account.email, 'admin');
  return { status: 201, body: data };
}

function putMember(ctx: BehaviourContext, team: StoredRecord, email: string, role: string) {
  const { store } = ctx.services;
  const account = store
    .find('account')
    .find((a) => String(a.data.email).toLowerCase() === email.toLowerCase());
  if (account === undefined) throw notFound('user');
  const existing = store
    .find('team-member', { parents: { team: team.id } })
    .find((m) => m.data.email === account.data.email);
  const stamp = ctx.services.now().toISOString();
  const id = existing?.id ?? randomUUID();
  const data: JsonObject = {
    created_at: existing?.data.created_at ?? stamp,
    email: account.data.email,
    federated: false,
    id,
    identity_provider: null,
    role,
    two_factor_authentication: false,
    updated_at: stamp,
    user: { email: account.data.email, id: account.id, name: account.data.name ?? null },
  };
  putRecord(store, {
    collection: 'team-member',
    id,
    data,
    parents: { team: team.id },
    owner: team.owner,
  });
  return data;
}

function addMember(ctx: BehaviourContext): BehaviourResult {
  const team = ctx.resolve('team_name_or_id');
  const body = bodyOf(ctx);
  const data = putMember(ctx, team, requiredString(body, 'email'), requiredString(body, 'role'));
  return { status: 201, body: data };
}

function createTeamApp(ctx: BehaviourContext): BehaviourResult {
  const body = bodyOf(ctx);
  const team = visibleBy(ctx, 'team', requiredString(body, 'team'));
  const app = createApp(ctx.services, ctx.account, {
    name: stringAt(body, 'name'),
    region: stringAt(body, 'region'),
    stack: stringAt(body, 'stack'),
    team: ref(team),
  });
  const data = {
    ...app.data,
    locked: body.locked === true,
    joined: false,
    owner: { email: `${String(team.data.name)}@herokumanager.com`, id: team.id },
  };
  saveData(ctx.services.store, app, data);
  return { status: 201, body: data };
}

function updateLocked(ctx: BehaviourContext): BehaviourResult {
  const app = ctx.resolve('team_app_name');
  const locked = bodyOf(ctx).locked;
  const data = { ...app.data, locked: typeof locked === 'boolean' ? locked : app.data.locked };
  return { body: saveData(ctx.services.store, app, data) };
}
