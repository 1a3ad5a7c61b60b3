/**
 * A short tour of heroku-client against any Heroku API: the emulator by default.
 * Each step prints what it did.
 *
 *   node examples/tour.mjs            (with HEROKU_API_URL and HEROKU_API_KEY set)
 */
import { Heroku } from 'heroku-client';

/** Runs the tour; `print` receives one line per step. */
export async function tour(heroku, print = console.log) {
  const account = await heroku.account().info();
  print(`1. signed in as ${account.email}`);

  const app = await heroku.apps().create({ name: 'tour-demo', region: 'us' });
  print(`2. created ${app.name} (${app.id}) in ${app.region.name}, ${app.web_url}`);

  const config = await heroku.apps(app.name).configVars().update({
    GREETING: 'hello',
    WORKERS: '2',
  });
  print(`3. set config: ${Object.keys(config).sort().join(', ')}`);

  const deploy = heroku.apps(app.name);
  const slug = await deploy.slugs().create({
    process_types: { web: 'node server.js', worker: 'node worker.js' },
  });
  const released = await deploy.releases().create({ slug: slug.id });
  print(`4. released v${released.version} with slug ${slug.id.slice(0, 8)} (web, worker)`);

  const updates = [{ type: 'web', quantity: 2, dyno_size: { name: 'standard-1X' } }];
  const [web] = await deploy.formation().batchUpdate({ updates });
  const dynos = await deploy.dynos().list({ range: 'name ..' });
  const names = dynos.map((dyno) => dyno.name).join(', ');
  print(`5. scaled ${web.type} to ${web.quantity} x ${web.size}: ${names}`);

  const extras = [];
  for (let i = 1; i <= 12; i++) {
    const extra = await heroku.apps().create({ name: `tour-extra-${String(i).padStart(2, '0')}` });
    extras.push(extra.name);
  }
  let page = 0;
  for await (const response of heroku.apps().list({ range: 'name ..; max=5' }).pages()) {
    page += 1;
    print(`6. page ${page} (${response.status}): ${response.body.map((a) => a.name).join(', ')}`);
  }

  const releases = await heroku.apps(app.name).releases().list({ range: 'version ..' });
  for (const release of releases) {
    print(`7. release v${release.version}: ${release.description} (${release.status})`);
  }

  for (const name of [app.name, ...extras]) await heroku.apps(name).delete();
  print(`8. deleted ${extras.length + 1} apps`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const heroku = new Heroku({ baseUrl: process.env.HEROKU_API_URL });
  await tour(heroku);
  await heroku.close();
}
