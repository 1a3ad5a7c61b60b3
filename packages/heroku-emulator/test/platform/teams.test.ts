import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { appName, BOB, failure, type Platform, startPlatform } from './helpers.js';

type TeamApp = { name: string; team: { name: string } | null; owner: { email: string } };

let p: Platform;
before(async () => {
  p = await startPlatform();
});
after(() => p.stop());

let teams = 0;
const newTeam = async () => {
  teams += 1;
  const name = `team-${process.pid}-${teams}`;
  await p.alice.post('/teams', { body: { name } });
  return name;
};

test('a team app is owned by the team', async () => {
  const team = await newTeam();
  const name = appName('team');
  const app = (await p.alice.post('/teams/apps', { body: { name, team } })) as TeamApp;
  assert.equal(app.team?.name, team);
  assert.equal(app.owner.email, `${team}@herokumanager.com`);
  const info = (await p.alice.get(`/teams/apps/${name}`)) as TeamApp;
  assert.equal(info.name, name);
});

test('team members see the team and its apps; others do not', async () => {
  const team = await newTeam();
  const name = appName('team');
  await p.alice.post('/teams/apps', { body: { name, team } });
  assert.equal((await failure(p.bob.get(`/apps/${name}`))).status, 404);
  await p.alice.post(`/teams/${team}/members`, { body: { email: BOB.email, role: 'member' } });
  const seen = (await p.bob.get(`/apps/${name}`)) as TeamApp;
  assert.equal(seen.name, name);
  const listed = (await p.bob.get(`/teams/${team}/apps`)) as TeamApp[];
  assert.deepEqual(
    listed.map((a) => a.name),
    [name],
  );
});

test('the team creator is its admin', async () => {
  const team = await newTeam();
  const members = (await p.alice.get(`/teams/${team}/members`)) as {
    email: string;
    role: string;
  }[];
  assert.deepEqual(
    members.map((m) => [m.email, m.role]),
    [['alice@example.com', 'admin']],
  );
});

test('a team app collaborator gets view among its permissions', async () => {
  const team = await newTeam();
  const name = appName('team');
  await p.alice.post('/teams/apps', { body: { name, team } });
  const added = (await p.alice.post(`/teams/apps/${name}/collaborators`, {
    body: { user: BOB.email, permissions: ['deploy'] },
  })) as { permissions: { name: string }[] };
  assert.deepEqual(
    added.permissions.map((x) => x.name),
    ['deploy', 'view'],
  );
});
