// A reviewer returns a submitted filing for correction, with reasons. The filing becomes
// editable again; the discharger corrects it and signs a new submission, and the history
// keeps every submission and decision.
import type { Actor, Services } from '../services.ts';
import { decideFilingWithReasons } from './decide-filing-with-reasons.ts';

export function returnFiling(services: Services, options: { actor: Actor; filingId: string; input: unknown }): Promise<{ filingId: string }> {
  return decideFilingWithReasons(services, options, {
    decision: 'returned',
    eventType: 'filing.returned',
    template: 'filing-returned',
    subject: (filing) => `Returned for correction: ${filing.facilityName}`,
    lines: (reasons) => ['The permitting authority returned it for correction:', '', reasons, '', 'Correct the filing and sign it again to resubmit it.'],
  });
}
