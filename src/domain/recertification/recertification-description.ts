// An NEC recertification and the NEC's two prints in words: the copy of record of a
// recertification, the "current NEC" (with its recertification date at the bottom) and
// the "Original NEC" (with its original submittal date) of the SMARTS guide, note 4.
import type { CalendarDate } from '../assessment/calendar-date.ts';
import { describeFiling, type FilingDescription } from '../filings/filing-description.ts';
import type { FilingAnswers } from '../filings/filing-fields.ts';
import { jurisdictionCalendarDate } from './recertification-schedule.ts';

export interface RecertificationFacts {
  jurisdictionId: string;
  permitId: string | null;
  facilityName: string;
  answers: FilingAnswers;
  originalCertifiedAt: Date;
  lastRecertifiedAt: Date | null;
  dueDate: CalendarDate;
  statement: string;
}

const dayOf = (at: Date, jurisdictionId: string): string => jurisdictionCalendarDate(at, jurisdictionId);

export function describeRecertification(facts: RecertificationFacts): FilingDescription {
  const nec = describeFiling('nec', facts.answers, { jurisdictionId: facts.jurisdictionId });
  return {
    title: 'No Exposure Certification: Recertification',
    sections: [
      {
        id: 'recertification',
        heading: 'NEC recertified (§512-30 B(7)(a)[3])',
        items: [
          { label: 'WDID', value: facts.permitId ?? 'not assigned' },
          { label: 'Facility', value: facts.facilityName },
          { label: 'Original certification date', value: dayOf(facts.originalCertifiedAt, facts.jurisdictionId) },
          { label: 'Last recertification', value: facts.lastRecertifiedAt ? dayOf(facts.lastRecertifiedAt, facts.jurisdictionId) : 'none before this one' },
          { label: 'Recertification due by', value: facts.dueDate },
        ],
      },
      ...nec.sections,
    ],
    certificationStatement: facts.statement,
  };
}

export type NecPrintVersion = 'current' | 'original';

export interface NecPrint {
  version: NecPrintVersion;
  title: string;
  permitId: string | null;
  facilityName: string;
  organizationName: string;
  description: FilingDescription;
  /** The line at the bottom of the print: the recertification date, or the original submittal date. */
  dateLine: { label: string; value: string };
  lastRecertifiedAt: Date | null;
}

export function necPrint(options: {
  version: NecPrintVersion;
  jurisdictionId: string;
  permitId: string | null;
  facilityName: string;
  organizationName: string;
  answers: FilingAnswers;
  certificationStatement: string;
  originalSubmittedAt: Date;
  lastRecertifiedAt: Date | null;
}): NecPrint {
  const description = { ...describeFiling('nec', options.answers, { jurisdictionId: options.jurisdictionId }), certificationStatement: options.certificationStatement };
  const dateLine =
    options.version === 'original'
      ? { label: 'Original submittal date', value: dayOf(options.originalSubmittedAt, options.jurisdictionId) }
      : options.lastRecertifiedAt
        ? { label: 'Recertification date', value: dayOf(options.lastRecertifiedAt, options.jurisdictionId) }
        : { label: 'Recertification date', value: `not yet recertified (certified ${dayOf(options.originalSubmittedAt, options.jurisdictionId)})` };
  return {
    version: options.version,
    title: options.version === 'original' ? 'Original NEC' : 'No Exposure Certification (current)',
    permitId: options.permitId,
    facilityName: options.facilityName,
    organizationName: options.organizationName,
    description,
    dateLine,
    lastRecertifiedAt: options.lastRecertifiedAt,
  };
}
