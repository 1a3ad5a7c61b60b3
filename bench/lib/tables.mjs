/** The printed tables of a run, one per scenario, each figure beside its ratio. */
import { ADAPTERS } from '../clients/index.mjs';
import { printTable } from './report.mjs';

function labelOf(key) {
  const [id, mode] = key.split('/');
  const label = ADAPTERS.find((a) => a.id === id)?.label ?? id;
  return mode === undefined ? label : `${label} (${mode})`;
}

/** S1 figures: latency median and p99. */
export function printS1(figures) {
  const columns = [
    { field: 'medianMs', label: 'median' },
    { field: 'p99Ms', label: 'p99' },
  ];
  printTable('S1 sequential GET /apps/{id}, ms (lower is better)', figures, columns, labelOf);
}

/** S2 figures: requests per second. */
export function printS2(figures, concurrency) {
  const title = `S2 GET /apps/{id}, ${concurrency} in flight, req/s (higher is better)`;
  printTable(title, figures, [{ field: 'reqPerSec', label: 'req/s', digits: 0 }], labelOf);
}

/** S3 figures of every size: listing time and peak RSS. */
export function printS3(bySize) {
  const columns = [
    { field: 'listMs', label: 'list ms' },
    { field: 'peakRssMiB', label: 'peak RSS MiB', digits: 1 },
  ];
  for (const [size, figures] of Object.entries(bySize)) {
    const title = `S3 list ${size} apps, pages of 1000, fresh process (lower is better)`;
    printTable(title, figures, columns, labelOf);
  }
}

/** S4 figures: import, first response, whole process. */
export function printS4(figures) {
  const columns = [
    { field: 'importMs', label: 'import' },
    { field: 'firstResponseMs', label: 'first response' },
    { field: 'processMs', label: 'process' },
  ];
  const title = 'S4 cold start: import, build, one request, ms (lower is better)';
  printTable(title, figures, columns, labelOf);
}

/** The emulator's figures beside the bare server's. */
export function printEmulator({ apps, figures }) {
  const columns = [
    { field: 'getReqPerSec', label: 'GET req/s', digits: 0 },
    { field: 'listMs', label: `list ${apps} ms` },
  ];
  const title = 'Emulator vs a bare node:http server with the same JSON, ratio to bare';
  printTable(title, figures, columns);
}
