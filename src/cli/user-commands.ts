// `outfall user create`: the first administrator (or reviewer) of a real deployment. The
// password comes from OUTFALL_NEW_PASSWORD, or a hidden prompt when run at a terminal, so
// it never appears in the shell history or the process list.
import readline from 'node:readline';
import type { Command } from 'commander';
import { openRuntime } from '../composition.ts';
import { readConfig } from '../config.ts';
import { securityQuestionKeys } from '../domain/accounts/security-questions.ts';
import { validationError } from '../domain/errors.ts';
import { parseInput } from '../domain/schema-parsing.ts';
import { createFirstAdministrator, firstAdministratorSchema } from '../use-cases/admin/create-first-administrator.ts';
import { systemActor } from '../use-cases/services.ts';

interface CreateOptions {
  email: string;
  name: string;
  phone: string;
  jurisdiction: string;
  role: string;
  question: string[];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** KEY=ANSWER → { key, answer }; the answer may itself contain '='. */
export function parseQuestionOption(value: string, index: number): { key: string; answer: string } {
  const at = value.indexOf('=');
  if (at <= 0) throw validationError([{ path: `question ${index + 1}`, message: 'Write each question as KEY=ANSWER, like first-pet=Rex' }]);
  return { key: value.slice(0, at).trim(), answer: value.slice(at + 1) };
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing of what is typed after the prompt.
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    let prompted = false;
    output._writeToOutput = (s: string) => {
      if (!prompted) {
        process.stdout.write(s);
        prompted = true;
      }
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function readNewPassword(): Promise<string> {
  const fromEnv = process.env.OUTFALL_NEW_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) {
    throw validationError([{ path: 'password', message: 'Set OUTFALL_NEW_PASSWORD, or run this at a terminal to be asked for the password' }]);
  }
  const first = await askHidden('Password for the new account: ');
  const second = await askHidden('The same password again: ');
  if (first !== second) throw validationError([{ path: 'password', message: 'The two passwords do not match' }]);
  return first;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Accounts.');
  user
    .command('create')
    .description(
      'Create a staff account with its e-mail address verified: the first administrator of a deployment. ' +
        'The password is read from OUTFALL_NEW_PASSWORD or asked for (hidden) at a terminal.',
    )
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--phone <phone>', 'phone number')
    .requiredOption('--jurisdiction <id>', 'jurisdiction id, like menominee or california')
    .option('--role <role>', 'administrator or reviewer', 'administrator')
    .option('--question <KEY=ANSWER>', `a security question and its answer; give three. Keys: ${securityQuestionKeys.join(', ')}`, collect, [])
    .action(async (options: CreateOptions) => {
      const questions = options.question.map(parseQuestionOption);
      const password = await readNewPassword();
      const input = { ...options, role: options.role as 'administrator', password, questions };
      // Bad input is told before the database is opened (the use case checks again).
      parseInput(firstAdministratorSchema, input);
      const runtime = await openRuntime(readConfig());
      try {
        const { userId } = await createFirstAdministrator(runtime.services, { actor: systemActor, input });
        console.log(`Created ${options.role} ${options.email.trim().toLowerCase()} for ${options.jurisdiction} (user ${userId}).`);
      } finally {
        await runtime.close();
      }
    });
}
