/**
 * The targets of the benchmark's issue, checked against one run's figures for each of our
 * two call styles. A target whose figures are missing is reported as pending, not as met.
 */

const OURS = ['ours-generic', 'ours-fluent'];

function check(name, value, limit, atMost) {
  if (value === null || value === undefined || Number.isNaN(value)) {
    return { target: name, value: null, limit, verdict: 'pending' };
  }
  const met = atMost ? value <= limit : value >= limit;
  return {
    target: name,
    value: Math.round(value * 100) / 100,
    limit,
    verdict: met ? 'met' : 'missed',
  };
}

function memoryGrowth(s3, id) {
  return s3['100000']?.[`${id}/iterate`]?.peakRssMiB / s3['1000']?.[`${id}/iterate`]?.peakRssMiB;
}

function clientTargets(id, results) {
  const s3 = results.s3 ?? {};
  const rows = [
    check('S2 throughput / undici >=', results.s2?.[id]?.ratio.reqPerSec, 0.9, false),
    check('S1 median latency / undici <=', results.s1?.[id]?.ratio.medianMs, 1.15, true),
  ];
  for (const size of ['10000', '100000']) {
    for (const mode of ['all', 'iterate']) {
      rows.push(
        check(
          `S3 ${size} ${mode} time / undici <=`,
          s3[size]?.[`${id}/${mode}`]?.ratio.listMs,
          1.05,
          true,
        ),
      );
    }
  }
  rows.push(check('S3 RSS iterate 100000 / list 1000 <=', memoryGrowth(s3, id), 1.3, true));
  // Both ratios are paired with raw undici per repetition; their quotient compares the two.
  const hc3 = results.s4?.['heroku-client-3']?.ratio.processMs;
  rows.push(
    check('S4 process / heroku-client 3 <=', results.s4?.[id]?.ratio.processMs / hc3, 1.2, true),
  );
  return rows;
}

/**
 * Every target, per call style of ours, plus the emulator's.
 * @param {any} results
 */
export function evaluateTargets(results) {
  const targets = {};
  for (const id of OURS) targets[id] = clientTargets(id, results);
  // The same memory figure for raw undici shows how much of it is V8's heap sizing.
  const undiciGrowth = memoryGrowth(results.s3 ?? {}, 'undici');
  targets.undici = [
    { ...check('S3 RSS iterate 100000 / list 1000', undiciGrowth, 1.3, true), verdict: 'ref' },
  ];
  const emulator = results.emulator?.figures?.emulator?.ratio ?? {};
  targets.emulator = [
    check('GET throughput / bare node:http >=', emulator.getReqPerSec, 0.5, false),
    check('list time / bare node:http <=', emulator.listMs, 2, true),
  ];
  return targets;
}

/**
 * Print the targets as `verdict  target  value (limit)` lines.
 * @param {Record<string, ReturnType<typeof check>[]>} targets
 */
export function printTargets(targets) {
  console.log('\nTargets');
  for (const [who, rows] of Object.entries(targets)) {
    for (const row of rows) {
      const value = row.value === null ? '-' : row.value.toFixed(2);
      console.log(
        `${row.verdict.padEnd(8)}${who.padEnd(14)}${row.target.padEnd(40)}${value.padStart(7)}  (${row.limit})`,
      );
    }
  }
}
