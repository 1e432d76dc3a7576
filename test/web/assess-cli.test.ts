// `outfall assess FILE|-` as an operator runs it: a child process, no database.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runAssess(args: string[], stdin = ''): Promise<CliResult> {
  // A data directory that does not exist proves the command opens no database.
  const env = { ...process.env, OUTFALL_DATA_DIR: path.join(os.tmpdir(), 'outfall-assess-no-such-dir'), DATABASE_URL: '' };
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['bin/outfall.js', 'assess', ...args], { env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    child.stdin!.end(stdin);
  });
}

const example = {
  jurisdiction: 'menominee',
  asOf: '2026-11-22',
  site: { activity: 'construction', disturbedAcres: 2.5, constructionStart: '2027-03-01', noiSubmitted: '2027-02-20' },
};

describe('outfall assess', () => {
  it('reads standard input with -, prints one JSON object, exits 0', async () => {
    const result = await runAssess(['-'], JSON.stringify(example));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const answer = JSON.parse(result.stdout);
    assert.equal(answer.permitRequired, true);
    assert.deepEqual(answer.deadlines[0], { kind: 'noi', due: '2027-02-27', citation: 'Menominee §512-30 A(1)(a)' });
    assert.equal(answer.findings[0].citation, 'Menominee I.B(2)');
  });

  it('reads a file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outfall-assess-'));
    const file = path.join(dir, 'site.json');
    fs.writeFileSync(file, JSON.stringify({ ...example, jurisdiction: 'california' }));
    try {
      const result = await runAssess([file]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(JSON.parse(result.stdout).coverage, 'noi-construction');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  const bad: [string, string, string][] = [
    ['negative acres', JSON.stringify({ ...example, site: { ...example.site, disturbedAcres: -1 } }), 'site.disturbedAcres: must be a number >= 0'],
    ['unknown jurisdiction', JSON.stringify({ ...example, jurisdiction: 'narnia' }), 'jurisdiction: must be one of: menominee, california'],
    ['not JSON', '{"jurisdiction": "menominee",', '(input): is not valid JSON'],
  ];
  for (const [name, stdin, line] of bad) {
    it(`${name}: exit 2, one line "${line}", nothing on stdout`, async () => {
      const result = await runAssess(['-'], stdin);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, '');
      assert.equal(result.stderr, `${line}\n`);
    });
  }
});
