// A reviewer denies a submitted filing, with reasons. A denied filing is final: the
// discharger starts a new filing if it wants to apply again. The history keeps the reasons.
import type { Actor, Services } from '../services.ts';
import { decideFilingWithReasons } from './decide-filing-with-reasons.ts';

export function denyFiling(services: Services, options: { actor: Actor; filingId: string; input: unknown }): Promise<{ filingId: string }> {
  return decideFilingWithReasons(services, options, {
    decision: 'denied',
    eventType: 'filing.denied',
    template: 'filing-denied',
    subject: (filing) => `Denied: ${filing.facilityName}`,
    lines: (reasons) => ['The permitting authority denied it:', '', reasons],
  });
}
