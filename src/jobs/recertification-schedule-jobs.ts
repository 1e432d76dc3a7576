// The NEC recertification sweeps, run by every app server's job runner on a pg-boss cron
// schedule. pg-boss keeps the schedule in the database and only one server per minute turns
// it into a job (its cron lock), so several app servers do not multiply the sweeps; and the
// sweeps are idempotent anyway (one recertification_notices row per notice), so a rerun or a
// retried job sends nothing twice. `outfall recertification sweep` does the same from cron.
import type PgBoss from 'pg-boss';
import { sweepNecLapses } from '../use-cases/recertification/sweep-nec-lapses.ts';
import { sweepRecertificationReminders } from '../use-cases/recertification/sweep-recertification-reminders.ts';
import type { Actor, Services } from '../use-cases/services.ts';

export const RECERTIFICATION_SWEEP_QUEUE = 'recertification-sweep';

/**
 * Hourly, at minute 7 (off the hour, when other cron work crowds in). A reminder is due on a
 * calendar day in the jurisdiction's time zone, so hourly sends it within the hour that day
 * starts there, whatever the zone.
 */
export const RECERTIFICATION_SWEEP_CRON = '7 * * * *';

/** How often an idle server asks for a sweep job: often enough, for an hourly job, without busying the pool. */
const SWEEP_POLLING_SECONDS = 30;

/** The audit trail's "who" for notices the server sends by itself. */
export const schedulerActor: Actor = { userId: null, ip: null, userAgent: 'outfall-scheduler' };

/** One sweep: the reminders due today, then the lapse notices, with the services' clock. */
export async function runRecertificationSweeps(services: Services): Promise<{ remindersSent: number; lapseNoticesSent: number }> {
  const { remindersSent } = await sweepRecertificationReminders(services, { actor: schedulerActor });
  const { lapseNoticesSent } = await sweepNecLapses(services, { actor: schedulerActor });
  return { remindersSent, lapseNoticesSent };
}

/**
 * Creates the queue, (re)writes the schedule and works the queue. 'stately' keeps at most one
 * sweep queued and one running across all servers. A failed sweep is retried a few times;
 * after that the next hour's sweep catches up (reminders: the latest one due; lapses: all).
 */
export async function startRecertificationSweeps(
  boss: PgBoss,
  services: Services,
  options: { pollingIntervalSeconds?: number } = {},
): Promise<void> {
  await boss.createQueue(RECERTIFICATION_SWEEP_QUEUE, { name: RECERTIFICATION_SWEEP_QUEUE, policy: 'stately' });
  await boss.schedule(RECERTIFICATION_SWEEP_QUEUE, RECERTIFICATION_SWEEP_CRON, {}, { tz: 'UTC', retryLimit: 3, retryDelay: 300, expireInMinutes: 30 });
  await boss.work(RECERTIFICATION_SWEEP_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? SWEEP_POLLING_SECONDS }, async () => {
    const { remindersSent, lapseNoticesSent } = await runRecertificationSweeps(services);
    if (remindersSent + lapseNoticesSent > 0) console.log(`[jobs] recertification sweep: ${remindersSent} reminder(s), ${lapseNoticesSent} lapse notice(s)`);
  });
}
