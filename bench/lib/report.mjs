/** Adds ratios to raw undici to the figures and prints them as plain-text tables. */
import { BASELINE } from '../clients/index.mjs';
import { ratio } from './stats.mjs';

/**
 * Add `ratio` (each field divided by the same field of `baselineKey`) to every entry.
 * @param {Record<string, Record<string, number>>} figures
 * @param {string[]} fields
 * @param {(key: string) => string} [baselineKeyFor] the entry a key is compared with
 */
export function withRatios(figures, fields, baselineKeyFor = () => BASELINE) {
  for (const [key, entry] of Object.entries(figures)) {
    const base = figures[baselineKeyFor(key)];
    entry.ratio = {};
    for (const field of fields) entry.ratio[field] = ratio(entry[field], base?.[field]);
  }
  return figures;
}

const fmt = (value, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value)
    ? '-'
    : Number(value).toFixed(Math.abs(value) >= 1000 ? 0 : digits);

/**
 * Print a table whose rows are the entries of `figures`, one column per field and one per
 * field's ratio.
 * @param {string} title
 * @param {Record<string, any>} figures
 * @param {{ field: string, label: string, digits?: number }[]} columns
 * @param {(key: string) => string} [labelOf]
 */
export function printTable(title, figures, columns, labelOf = (key) => key) {
  const header = ['client'];
  for (const c of columns) header.push(c.label, `x ${c.label}`);
  const rows = Object.entries(figures).map(([key, entry]) => {
    const row = [labelOf(key)];
    for (const c of columns) row.push(fmt(entry[c.field], c.digits), fmt(entry.ratio?.[c.field]));
    return row;
  });

  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
