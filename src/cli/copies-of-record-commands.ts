// `outfall copies-of-record render`: renders every copy-of-record PDF not rendered yet (after
// a spike, or where no server worked the copy-of-record-render jobs). Running it beside a
// server, or twice, renders nothing twice.
import type { Command } from 'commander';
import { openRuntime } from '../composition.ts';
import { readConfig } from '../config.ts';
import { renderPendingCopiesOfRecord } from '../use-cases/copies-of-record/render-pending-copies-of-record.ts';

export function registerCopiesOfRecordCommands(program: Command): void {
  const copies = program.command('copies-of-record').description('The PDFs of signed submissions (copies of record).');
  copies
    .command('render')
    .description(
      'Render and store the PDF of every signed submission that has none yet, oldest first, then exit. A running server ' +
        'renders each one shortly after it is signed (yielding to signing while it is busy); run this to catch up at once.',
    )
    .action(async () => {
      const runtime = await openRuntime(readConfig());
      try {
        const { rendered } = await renderPendingCopiesOfRecord(runtime.services);
        console.log(`Copies of record: ${rendered} PDF(s) rendered.`);
      } finally {
        await runtime.close();
      }
    });
}
