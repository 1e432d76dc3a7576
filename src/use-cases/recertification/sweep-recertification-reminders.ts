// E-mails the organization's LRPs 90, 30, 7 and 1 days before an NEC's recertification is
// due. Idempotent: each reminder is claimed once per (filing, due date, kind), and its
// e-mails and audit row are written in the same transaction as the claim.
import { reminderDaysBefore, remindersDue } from '../../domain/recertification/recertification-schedule.ts';
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMails } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { necRecertificationStates } from './nec-recertification-states.ts';
import { confirmedLrpEmails } from '../organizations/organization-records.ts';
import { claimNotice, necName, noticesSent } from './recertification-notices.ts';

export async function sweepRecertificationReminders(services: Services, options: { actor: Actor }): Promise<{ remindersSent: number }> {
  const necs = (await necRecertificationStates(services.db, { now: services.clock.now() })).filter((n) => n.state !== 'lapsed');
  const sent = await noticesSent(services.db, necs);
  let remindersSent = 0;
  for (const nec of necs) {
    for (const kind of remindersDue(nec.dueDate, nec.today, sent.get(nec.filingId) ?? [])) {
      const didSend = await services.db.transaction().execute(async (tx) => {
        if (!(await claimNotice(tx, services.clock, nec, kind))) return false;
        const recipients = await confirmedLrpEmails(tx, nec.organizationId);
        const subject = `NEC recertification due ${nec.dueDate}: ${necName(nec)}`;
        const text = [
          `The No Exposure Certification ${necName(nec)} of ${nec.organizationName} must be recertified by ${nec.dueDate}`,
          `(${reminderDaysBefore[kind]} ${reminderDaysBefore[kind] === 1 ? 'day' : 'days'} from now). It was last certified on ${nec.lastCertified}.`,
          '',
          'After the due date the NEC lapses and the facility is no longer excluded from permit coverage.',
          `Recertify: ${services.config.publicUrl}/recertification`,
        ].join('\n');
        await enqueueMails(tx, services, recipients.map((to) => ({ to, subject, text, template: 'nec-recertification-reminder' })), { whenQuiet: true });
        await recordAuditEvent(tx, services.clock, {
          type: 'nec.reminder-sent',
          data: { kind, dueDate: nec.dueDate, permitId: nec.permitId, recipients: recipients.length },
          actor: options.actor,
          actorRole: 'system',
          organizationId: nec.organizationId,
          jurisdictionId: nec.jurisdictionId,
          subject: { type: 'filing', id: nec.filingId },
        });
        return true;
      });
      if (didSend) remindersSent += 1;
    }
  }
  return { remindersSent };
}
