// An NEC's prints (the SMARTS guide, step 6 and note 4): the current NEC — as last certified,
// its recertification date at the bottom — and the Original NEC — as first accepted, its
// original submittal date at the bottom. Each is made from the copy of record it prints,
// never from the editable filing. Members of the organization and the jurisdiction's staff.
import { necPrint, type NecPrint, type NecPrintVersion } from '../../domain/recertification/recertification-description.ts';
import { AppError } from '../../domain/errors.ts';
import { loadFilingForActor } from '../filings/filing-records.ts';
import type { Actor, Services } from '../services.ts';
import { loadNec } from './nec-records.ts';

export function isNecPrintVersion(value: unknown): value is NecPrintVersion {
  return value === 'current' || value === 'original';
}

interface CopyOfRecordShape {
  filing: { answers: Record<string, unknown> };
  certificationStatement: string;
}

export async function getNecPrint(services: Services, options: { actor: Actor; filingId: string; version: unknown }): Promise<NecPrint & { authority: string }> {
  if (!isNecPrintVersion(options.version)) throw new AppError('not-found', 'There is no such print of this NEC.');
  await loadFilingForActor(services, { actor: options.actor, filingId: options.filingId, action: 'filing.view' });
  const nec = await loadNec(services.db, options.filingId, services.clock.now());
  const printed = options.version === 'original' ? nec.original : (nec.lastRecertification ?? nec.original);
  const { canonical_json } = await services.db.selectFrom('submissions').select('canonical_json').where('id', '=', printed.submissionId).executeTakeFirstOrThrow();
  const copy = JSON.parse(canonical_json) as CopyOfRecordShape;
  const { authority } = await services.db.selectFrom('jurisdictions').select('authority').where('id', '=', nec.filing.jurisdiction_id).executeTakeFirstOrThrow();
  const print = necPrint({
    version: options.version,
    jurisdictionId: nec.filing.jurisdiction_id,
    permitId: nec.permitId,
    facilityName: nec.filing.facilityName,
    organizationName: nec.filing.organizationName,
    answers: copy.filing.answers,
    certificationStatement: copy.certificationStatement,
    originalSubmittedAt: nec.original.signedAt,
    lastRecertifiedAt: nec.lastRecertification?.signedAt ?? null,
  });
  return { ...print, authority };
}
