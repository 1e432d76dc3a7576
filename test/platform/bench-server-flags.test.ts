// The spike's server runs with the node flags `npm start` gives the bundle (package.json),
// so what the benchmark measures is what a deployment runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { startScriptNodeFlags } from '../../bench/recertification-server.ts';

describe("the flags of npm start's node", () => {
  const cases: { script: string; expect: string[] }[] = [
    { script: 'node scripts/build.mjs && node --enable-source-maps --max-semi-space-size=64 dist/outfall.mjs serve', expect: ['--enable-source-maps', '--max-semi-space-size=64'] },
    { script: 'node scripts/build.mjs && node dist/outfall.mjs serve', expect: [] },
    { script: 'node  --max-semi-space-size=32   dist/outfall.mjs serve', expect: ['--max-semi-space-size=32'] },
  ];
  for (const c of cases) it(c.script, () => assert.deepEqual(startScriptNodeFlags(c.script), c.expect));

  it('refuses a start script that does not run the bundle with node', () => {
    assert.throws(() => startScriptNodeFlags('tsx src/cli/main.ts serve'), /does not run node dist\/outfall.mjs/);
  });

  it("are read from this package's own start script, with the young generation's size", () => {
    const { scripts } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
    assert.ok(startScriptNodeFlags(scripts.start).includes('--max-semi-space-size=64'));
  });
});
