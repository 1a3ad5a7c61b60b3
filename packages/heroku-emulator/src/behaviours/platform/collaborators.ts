/**
 * Collaborators: another configured account is given access to an app and
 * from then on sees it (in `GET /users/~/apps` too); deleting the record takes
 * the access away. The owner is no collaborator record, but the list shows it
 * with role `owner`, as `heroku access` expects. Team apps take
 * permissions (`view` always among them).
 */
import { randomUUID } from 'node:crypto';
import { invalidParams, notFound } from '../../http/errors.js';
import { serialise } from '../../shapes/serialise.js';
import type { JsonObject, StoredRecord } from '../../store/store.js';
import type { Behaviour, BehaviourContext, BehaviourResult } from '../context.js';
import { uuidFrom } from '../generic.js';
import { objectShape } from '../records.js';
import { bodyOf, isObject, putRecord, ref, requiredString, saveData, stringAt } from './common.js';

/** Permissions a team app collaborator may hold. */
export const TEAM_PERMISSIONS: Readonly<Record<string, string>> = {
  deploy: 'Create releases and run commands on the app.',
  manage: 'Manage the app, its add-ons, domains and collaborators.',
  operate: 'Scale, restart and configure the app.',
  view: 'See the app and its logs.',
};

/** Collaborator handlers by link id. */
export const collaboratorBehaviours: Readonly<Record<string, Behaviour>> = {
  'collaborator.create': (ctx) => addCollaborator(ctx, 'app_id_or_name', false),
  'collaborator.list': (ctx) => listCollaborators(ctx, 'app_id_or_name'),
  'collaborator.info': (ctx) => {
    const app = ctx.resolve('app_id_or_name');
    const data = ctx.resolve('collaborator_email_or_id').data;
    return { body: present(ctx, data, isTeamApp(app)), serialised: true };
  },
  'team-app-collaborator.create': (ctx) => addCollaborator(ctx, 'app_id_or_name', true),
  'team-app-collaborator.list': (ctx) => listCollaborators(ctx, 'team_app_name'),
  'team-app-collaborator.update': updatePermissions,
};

/** The account record a body's `user` names (email or id). */
function userOf(ctx: BehaviourContext): StoredRecord {
  const wanted = requiredString(bodyOf(ctx), 'user');
  const { store } = ctx.services;
  const account = store
    .find('account')
    .find((a) => a.id === wanted || String(a.data.email).toLowerCase() === wanted.toLowerCase());
  if (account === undefined) throw notFound('user');
  return account;
}

function permissionsOf(ctx: BehaviourContext, team: boolean): JsonObject[] {
  if (!team) return [];
  const given = bodyOf(ctx).permissions;
  const names = new Set(['view', ...(Array.isArray(given) ? given.map(String) : [])]);
  for (const name of names) {
    if (TEAM_PERMISSIONS[name] === undefined) throw invalidParams(`Unknown permission ${name}.`);
  }
  return [...names].sort().map((name) => ({ name, description: TEAM_PERMISSIONS[name] ?? '' }));
}

function addCollaborator(ctx: BehaviourContext, slot: string, team: boolean): BehaviourResult {
  const { store } = ctx.services;
  const app = ctx.resolve(slot);
  const user = userOf(ctx);
  const email = String(user.data.email);
  if (stringAt(app.data.owner, 'id') === user.id) {
    throw invalidParams(`${email} is already the owner of ${String(app.data.name)}.`);
  }
  const existing = store
    .find('collaborator', { parents: { app: app.id } })
    .some((c) => stringAt(c.data.user, 'id') === user.id);
  if (existing)
    throw invalidParams(`${email} is already a collaborator on ${String(app.data.name)}.`);

  const stamp = ctx.services.now().toISOString();
  const id = randomUUID();
  const data: JsonObject = {
    app: ref(app),
    created_at: stamp,
    id,
    permissions: permissionsOf(ctx, team || isTeamApp(app)),
    role: isTeamApp(app) ? 'member' : 'collaborator',
    updated_at: stamp,
    user: { email, federated: false, id: user.id },
  };
  putRecord(store, {
    collection: 'collaborator',
    id,
    data,
    parents: { app: app.id },
    owner: ctx.account.id,
  });
  return { status: 201, body: present(ctx, data, isTeamApp(app)), serialised: true };
}

function listCollaborators(ctx: BehaviourContext, slot: string): BehaviourResult {
  const app = ctx.resolve(slot);
  const records = ctx.services.store.find('collaborator', { parents: { app: app.id } });
  const owner = isObject(app.data.owner) ? app.data.owner : undefined;
  const list = records.map((r) => r.data);
  if (owner !== undefined && !isTeamApp(app)) {
    list.unshift({
      app: ref(app),
      created_at: app.data.created_at,
      id: uuidFrom(`owner:${app.id}`),
      permissions: [],
      role: 'owner',
      updated_at: app.data.created_at,
      user: { email: owner.email, federated: false, id: owner.id },
    });
  }
  return { body: list.map((c) => present(ctx, c, isTeamApp(app))), serialised: true };
}

/** True for an app owned by a team. */
function isTeamApp(app: StoredRecord): boolean {
  return isObject(app.data.team);
}

/**
 * A collaborator as served. On a personal app Heroku leaves `permissions` out,
 * and the official CLI adds a permissions column whenever the key is there.
 */
function present(ctx: BehaviourContext, data: JsonObject, teamApp: boolean): JsonObject {
  const shape = objectShape(ctx.services.shapes.collaborator?.resource);
  const out = serialise(data, shape) as JsonObject;
  if (!teamApp) delete out.permissions;
  return out;
}

function updatePermissions(ctx: BehaviourContext): BehaviourResult {
  const collaborator = ctx.resolve('team_app_collaborator_email');
  const data = {
    ...collaborator.data,
    permissions: permissionsOf(ctx, true),
    updated_at: ctx.services.now().toISOString(),
  };
  return { body: saveData(ctx.services.store, collaborator, data) };
}
