// The copy-of-record-render queue: one job per signed submission, queued in the signing
// transaction (so it exists exactly when the submission does). Each server works it one job
// at a time, and each job first waits while the server is busy (render-yielding.ts): during
// the October 1 spike the PDFs wait, and are rendered once signing quiets down.
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { renderCopyOfRecord } from '../use-cases/copies-of-record/render-copy-of-record.ts';
import type { Services } from '../use-cases/services.ts';
import { RENDER_MAX_WAIT_MS, RENDER_WAIT_STEP_MS, waitWhileServerBusy } from './render-yielding.ts';

const renderJobSchema = z.object({ submissionId: z.uuid() });

export async function startCopyOfRecordRendering(boss: PgBoss, services: Services, queue: string): Promise<void> {
  const policy = { busyEventLoopUtilization: services.config.renderBusyEventLoopUtilization, stepMs: RENDER_WAIT_STEP_MS, maxWaitMs: RENDER_MAX_WAIT_MS };
  // One worker, one job per fetch: at most one render at a time from this server's queue.
  await boss.work(queue, { batchSize: 1, pollingIntervalSeconds: 2 }, async (jobs) => {
    for (const job of jobs) {
      const parsed = renderJobSchema.safeParse(job.data);
      if (!parsed.success) throw new Error(`copy-of-record-render job ${job.id}: submissionId must be a UUID`);
      await renderCopyOfRecord(services, { submissionId: parsed.data.submissionId, beforeRendering: () => waitWhileServerBusy({ policy }).then(() => undefined) });
    }
  });
}
