// `outfall` — the command line. Each command opens the runtime it needs, does one thing,
// and exits with a documented code. Errors are one line on stderr, never a stack trace.
import { Command, CommanderError } from 'commander';
import { ConfigError, readConfig } from '../config.ts';
import { DataDirInUseError } from '../db/data-dir-lock.ts';
import { AppError } from '../domain/errors.ts';
import { registerAssessCommand } from './assess-command.ts';
import { registerAuditCommands } from './audit-commands.ts';
import { registerCopiesOfRecordCommands } from './copies-of-record-commands.ts';
import { registerRecertificationCommands } from './recertification-commands.ts';
import { registerServeCommand } from './serve-command.ts';
import { registerDataCommands } from './data-commands.ts';
import { registerExportCommand } from './export-command.ts';
import { registerImportCommands } from './import-commands.ts';
import { registerUserCommands } from './user-commands.ts';
import { registerVerifyCommand } from './verify-command.ts';

export function buildProgram(): Command {
  const program = new Command('outfall')
    .description('Outfall: stormwater permit e-reporting. Settings come from the environment (see README).')
    .showHelpAfterError()
    .exitOverride();
  registerServeCommand(program);
  registerDataCommands(program);
  registerUserCommands(program);
  registerAuditCommands(program);
  registerAssessCommand(program);
  registerVerifyCommand(program);
  registerCopiesOfRecordCommands(program);
  registerRecertificationCommands(program);
  registerImportCommands(program);
  registerExportCommand(program);
  return program;
}

export function describeFailure(error: unknown): { message: string; exitCode: number } {
  if (error instanceof DataDirInUseError) return { message: error.message, exitCode: 1 };
  if (error instanceof ConfigError) return { message: error.message, exitCode: 2 };
  if (error instanceof AppError) {
    const fields = error.fieldErrors.map((f) => `${f.path}: ${f.message}`).join('; ');
    return { message: fields || error.message, exitCode: error.code === 'validation' ? 2 : 1 };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: 1 };
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    const failure = describeFailure(error);
    console.error(`outfall: ${failure.message}`);
    process.exitCode = failure.exitCode;
  }
}

// Commands read settings lazily through readConfig() so --help works without a database.
export { readConfig };
await main(process.argv);
