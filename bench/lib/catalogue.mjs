/**
 * What the benchmark server lists: either the generated fixture apps or the apps read from a
 * JSON file (used to serve exactly what the emulator serves). Each app's JSON text is built once.
 */
import { readFileSync } from 'node:fs';
import { appId, appIndex, appJson } from './app-fixture.mjs';

const NAME = /^bench-app-(\d{6})$/;

/**
 * The fixture catalogue of `total` apps; JSON texts are built on first use and kept.
 * @param {number} total
 */
export function fixtureCatalogue(total) {
  const texts = new Array(total);
  return {
    total,
    json: (i) => (texts[i] ??= appJson(i)),
    idOf: appId,
    indexOf: (idOrName) => {
      const byName = NAME.exec(idOrName);
      const i = byName === null ? appIndex(idOrName) : Number(byName[1]);
      return i < total ? i : -1;
    },
  };
}

/**
 * The catalogue of the apps in a JSON file holding an array of app objects, in listing order.
 * Apps are found by id or by name.
 * @param {string} file
 */
export function fileCatalogue(file) {
  const apps = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(apps)) throw new Error(`${file} does not hold a JSON array of apps`);

  const texts = apps.map((app) => JSON.stringify(app));
  const index = new Map();
  apps.forEach((app, i) => {
    index.set(app.id, i);
    index.set(app.name, i);
  });
  return {
    total: apps.length,
    json: (i) => texts[i],
    idOf: (i) => apps[i].id,
    indexOf: (idOrName) => index.get(idOrName) ?? -1,
  };
}
