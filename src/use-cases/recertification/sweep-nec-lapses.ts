// After an NEC's due date passes without a recertification, tells the organization's LRPs
// and the jurisdiction's reviewers once, and records the lapse (kind 'lapsed') for the
// public status. Idempotent like the reminders: one claim per (filing, due date).
import { recordAuditEvent } from '../audit/record-audit-event.ts';
import { enqueueMails } from '../mail/enqueue-mail.ts';
import type { Actor, Services } from '../services.ts';
import { necRecertificationStates } from './nec-recertification-states.ts';
import { confirmedLrpEmails } from '../organizations/organization-records.ts';
import { claimNotice, necName, reviewerAddresses } from './recertification-notices.ts';
import { refreshFacilityListing } from '../public-records/refresh-facility-listing.ts';

export async function sweepNecLapses(services: Services, options: { actor: Actor }): Promise<{ lapseNoticesSent: number }> {
  const lapsed = (await necRecertificationStates(services.db, { now: services.clock.now() })).filter((n) => n.state === 'lapsed');
  let lapseNoticesSent = 0;
  for (const nec of lapsed) {
    const didSend = await services.db.transaction().execute(async (tx) => {
      if (!(await claimNotice(tx, services.clock, nec, 'lapsed'))) return false;
      await refreshFacilityListing(tx, nec.facilityId, services.clock.now());
      const recipients = [...new Set([...(await confirmedLrpEmails(tx, nec.organizationId)), ...(await reviewerAddresses(tx, nec.jurisdictionId))])];
      const subject = `NEC lapsed: ${necName(nec)} was not recertified by ${nec.dueDate}`;
      const text = [
        `The No Exposure Certification ${necName(nec)} of ${nec.organizationName} was due for recertification on ${nec.dueDate}`,
        `and was not recertified. It was last certified on ${nec.lastCertified}. The NEC has lapsed.`,
        '',
        'The facility is no longer excluded from permit coverage: recertify now, or apply for coverage (NOI).',
        `Recertify: ${services.config.publicUrl}/recertification`,
      ].join('\n');
      await enqueueMails(tx, services, recipients.map((to) => ({ to, subject, text, template: 'nec-lapsed' })), { whenQuiet: true });
      await recordAuditEvent(tx, services.clock, {
        type: 'nec.lapsed',
        data: { dueDate: nec.dueDate, permitId: nec.permitId, recipients: recipients.length },
        actor: options.actor,
        actorRole: 'system',
        organizationId: nec.organizationId,
        jurisdictionId: nec.jurisdictionId,
        subject: { type: 'filing', id: nec.filingId },
      });
      return true;
    });
    if (didSend) lapseNoticesSent += 1;
  }
  return { lapseNoticesSent };
}
