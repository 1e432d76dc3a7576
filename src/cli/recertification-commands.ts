// `outfall recertification sweep`: sends the due NEC recertification reminders and lapse
// notices once; safe to run as often as cron likes (each notice is sent at most once).
import type { Command } from 'commander';
import { openRuntime } from '../composition.ts';
import { readConfig } from '../config.ts';
import { sweepNecLapses } from '../use-cases/recertification/sweep-nec-lapses.ts';
import { sweepRecertificationReminders } from '../use-cases/recertification/sweep-recertification-reminders.ts';
import { systemActor } from '../use-cases/services.ts';

export function registerRecertificationCommands(program: Command): void {
  const recertification = program.command('recertification').description('No Exposure Certification recertification reminders and lapses.');
  recertification
    .command('sweep')
    .description(
      'Send the NEC recertification reminders due today (90, 30, 7 and 1 days before the due date) and the lapse notices ' +
        'for NECs past their due date, then exit. A running server already sweeps hourly; run this from cron where none runs. ' +
        'Running it twice sends nothing twice.',
    )
    .action(async () => {
      const runtime = await openRuntime(readConfig());
      try {
        const { remindersSent } = await sweepRecertificationReminders(runtime.services, { actor: systemActor });
        const { lapseNoticesSent } = await sweepNecLapses(runtime.services, { actor: systemActor });
        console.log(`Recertification sweep: ${remindersSent} reminder(s) and ${lapseNoticesSent} lapse notice(s) sent.`);
      } finally {
        await runtime.close();
      }
    });
}
