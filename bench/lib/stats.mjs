/** Small statistics helpers for the benchmark's samples. */

/**
 * The q-quantile (0..1) of the samples, by nearest rank on a sorted copy.
 * @param {number[]} samples
 * @param {number} q
 */
export function quantile(samples, q) {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/**
 * The median of the samples.
 * @param {number[]} samples
 */
export function median(samples) {
  return quantile(samples, 0.5);
}

/**
 * `value / base`, rounded to two decimals; null when either is missing.
 * @param {number | undefined} value
 * @param {number | undefined} base
 */
export function ratio(value, base) {
  if (!Number.isFinite(value) || !Number.isFinite(base) || base === 0) return null;
  return Math.round((value / base) * 100) / 100;
}

/**
 * The order of `items` for round `round`: rotated, so every item takes every place in turn
 * and none always runs first (on a warm or a cold machine).
 * @template T
 * @param {T[]} items
 * @param {number} round
 * @returns {T[]}
 */
export function rotation(items, round) {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
