/** Turns samples into figures with their ratios to raw undici, and prints them as tables. */
import { BASELINE } from '../clients/index.mjs';
import { median, ratio } from './stats.mjs';

/**
 * Summarise samples taken in rounds: each figure is the median over rounds of that round's
 * value, and each ratio the median over rounds of the value divided by the baseline's value
 * in the same round. Pairing by round cancels the load changes between rounds that a
 * shared 2-core machine goes through.
 * @param {Map<string, Record<string, number>[]>} samples per key, one entry per round
 * @param {string[]} fields
 * @param {(key: string) => string} [baselineKeyFor] the key a key is compared with
 */
export function summariseRounds(samples, fields, baselineKeyFor = () => BASELINE) {
  const figures = {};
  for (const [key, rounds] of samples) {
    const base = samples.get(baselineKeyFor(key)) ?? [];
    const entry = { runs: rounds.length, ratio: {} };
    for (const field of fields) {
      entry[field] = median(rounds.map((round) => round[field]));
      const ratios = rounds.map((round, i) => ratio(round[field], base[i]?.[field]));
      const paired = ratios.filter((r) => r !== null);
      entry.ratio[field] = paired.length === 0 ? null : median(paired);
    }
    figures[key] = entry;
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
