// The copy-of-record-render queue: one job per signed submission, queued in the signing
// transaction (so it exists exactly when the submission does). Each server works it one
// batch at a time, and each batch first waits while the server is busy (render-yielding.ts): during
// the October 1 spike the PDFs wait, and are rendered once signing quiets down.
import type PgBoss from 'pg-boss';
import { z } from 'zod';
import { renderCopyOfRecord } from '../use-cases/copies-of-record/render-copy-of-record.ts';
import type { Services } from '../use-cases/services.ts';
import { RENDER_MAX_WAIT_MS, RENDER_WAIT_STEP_MS, waitWhileServerBusy } from './render-yielding.ts';

const renderJobSchema = z.object({ submissionId: z.uuid() });

export async function startCopyOfRecordRendering(boss: PgBoss, services: Services, queue: string, sleep?: (ms: number) => Promise<void>): Promise<void> {
  const policy = { busyEventLoopUtilization: services.config.renderBusyEventLoopUtilization, stepMs: RENDER_WAIT_STEP_MS, maxWaitMs: RENDER_MAX_WAIT_MS };
  // One worker per server, up to 20 jobs per fetch: the batch waits once for a quiet server,
  // then renders its PDFs one after another (a batch of one waited a step per PDF, and
  // pg-boss's polling interval after it: about one PDF a second, too slow to drain a spike).
  await boss.work(queue, { batchSize: 20, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    const submissionIds = jobs.map((job) => {
      const parsed = renderJobSchema.safeParse(job.data);
      if (!parsed.success) throw new Error(`copy-of-record-render job ${job.id}: submissionId must be a UUID`);
      return parsed.data.submissionId;
    });
    await waitWhileServerBusy({ policy, ...(sleep ? { sleep } : {}) });
    for (const submissionId of submissionIds) await renderCopyOfRecord(services, { submissionId });
  });
}
