// `outfall assess FILE|-`: the applicability assessment on the command line. Reads one
// JSON object (from a file, or standard input for "-"), prints the answer as one JSON
// object and exits 0; bad JSON or input that breaks the contract's schema exits 2 with one
// line "path: message" on stderr and nothing on stdout. Opens no database.
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { assessRawInput } from '../domain/assessment/assess-applicability.ts';
import { AppError } from '../domain/errors.ts';

async function readStandardInput(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function fail(line: string, exitCode: number): void {
  process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = exitCode;
}

export function registerAssessCommand(program: Command): void {
  program
    .command('assess')
    .argument('<file>', 'a JSON file with { jurisdiction, asOf, site }, or - to read standard input')
    .description('Do I need a permit? Print the applicability assessment of a site as JSON (see ../shared/contracts/assessment.md).')
    .action(async (file: string) => {
      let text: string;
      try {
        text = file === '-' ? await readStandardInput() : await fs.readFile(file, 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        fail(`${file}: cannot read the file${code ? ` (${code})` : ''}`, 2);
        return;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        fail('(input): is not valid JSON', 2);
        return;
      }
      try {
        process.stdout.write(`${JSON.stringify(assessRawInput(raw))}\n`);
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation') {
          fail(error.fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; '), 2);
          return;
        }
        fail(`assessment failed: ${error instanceof Error ? error.message : String(error)}`, 1);
      }
    });
}
