// compactingCollection in a process started as npm start starts the wiki (node --expose-gc): the pages a burst left
// half-empty are given back.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/container.js';

/** Runs a burst that leaves one object in twenty alive, then a compacting collection; returns old space before and after (MiB). */
function oldSpaceAroundCompaction(): { before: number; after: number } {
  const script = `
    import v8 from 'node:v8';
    import { compactingCollection } from './src/shared/IdleMemoryRelease.ts';
    const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size / 1048576;
    const kept = [];
    let all = [];
    for (let i = 0; i < 1_500_000; i++) { const o = { i, s: 'x' + i, a: [i] }; if (i % 20 === 0) kept.push(o); all.push(o); }
    all = null;
    const before = oldSpace();
    compactingCollection(gc)();
    process.stdout.write(JSON.stringify({ before, after: oldSpace(), kept: kept.length }));
  `;
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { before: number; after: number };
}

describe('compactingCollection', () => {
  // A plain gc() compacts only within a budget of its own (on a quiet machine it kept 95% of these pages, on a busy
  // one half), so only the compacting collection's result is asserted.
  it('when a burst left most heap pages nearly empty, then the compacting collection gives most of them back', () => {
    const { before, after } = oldSpaceAroundCompaction();
    expect(after).toBeLessThan(before * 0.25);
  });
});
