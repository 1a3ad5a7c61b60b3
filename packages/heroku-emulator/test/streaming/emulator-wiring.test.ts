import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { RunningEmulator } from '../../src/index.js';
import { createEmulatorStreaming } from '../../src/streams/index.js';
import { call, start } from '../helpers.js';
import { runAttached, streamLogs } from './api.js';
import { dataDir } from './support.js';

let emulator: RunningEmulator;
let ca: Buffer;
const api = {
  post: async (path: string, options: { body: unknown }) => {
    const reply = await call(emulator, 'POST', path, { body: options.body });
    if (reply.status >= 300) throw new Error(`${path} answered ${reply.status}: ${reply.text}`);
    return reply.json;
  },
};

before(async () => {
  emulator = await start({ streaming: createEmulatorStreaming({ dataDir, greetingDelayMs: 5 }) });
  ca = readFileSync(emulator.caFile as string);
  await api.post('/apps', { body: { name: 'wired-app' } });
});
after(() => emulator.stop());

test('startEmulator with the streaming side attaches one-off dynos end to end', async () => {
  const run = runAttached(api, 'wired-app', { command: 'echo wired; exit 2', ca });
  let output = '';
  for await (const chunk of run) output += chunk.toString();
  assert.equal(output, 'wired\n');
  assert.equal(await run.exitCode, 2);
});

test('startEmulator with the streaming side serves log sessions with the one-off output', async () => {
  await runAttached(api, 'wired-app', { command: 'echo for the log', ca }).exitCode;
  const lines: string[] = [];
  for await (const line of streamLogs(api, 'wired-app', { lines: 1500 })) lines.push(line);
  assert.ok(lines.some((line) => /app\[run\.\d+\]: for the log$/.test(line)));
});
