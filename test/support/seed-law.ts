// The seed law's text, read from ../shared/seeds beside the repository (CI clones it there),
// so a test can compare what Outfall prints with the law's own words.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/project-paths.ts';

export const menomineeLawPath = path.join(projectRoot, '..', 'shared', 'seeds', '002_834fbf958b60bf6f.txt');

/** The law's lines, as the seed file holds them (whitespace at each end trimmed). */
export function menomineeLawLines(): string[] {
  return fs.readFileSync(menomineeLawPath, 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/**
 * §512-30 B(7)(d)[4]: "All "no exposure" certifications must include the following
 * certification statement …" — the statement is the line after that one (the file's last).
 */
export function menomineeNoExposureStatementFromSeed(): string {
  const lines = menomineeLawLines();
  const intro = lines.findIndex((line) => line.startsWith('All "no exposure" certifications must include the following certification statement'));
  if (intro < 0 || intro + 1 >= lines.length) throw new Error(`§512-30 B(7)(d)[4] not found in ${menomineeLawPath}`);
  return lines[intro + 1]!;
}
