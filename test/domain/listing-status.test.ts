// A facility's public status from its sources: the newest act wins.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listingStatusFor, type ListingSources, type ListingStatusResult, type NativeFilingSource } from '../../src/domain/public-records/listing-status.ts';

const at = (day: string) => new Date(`${day}T15:00:00Z`);
const accepted = (kind: NativeFilingSource['kind'], day: string, permitId: string | null, extra: Partial<NativeFilingSource> = {}): NativeFilingSource => ({
  kind, status: 'accepted', permitId, decidedAt: at(day), decidedOn: day, ...extra,
});
const none: ListingSources = { filings: [], necLapses: [], importedPermits: [] };

const cases: { name: string; sources: Partial<ListingSources>; expected: ListingStatusResult }[] = [
  { name: 'nothing → not-covered', sources: {}, expected: { status: 'not-covered', permitId: null, statusDate: null, filingKinds: [] } },
  {
    name: 'a draft only → not-covered',
    sources: { filings: [{ kind: 'nec', status: 'draft', permitId: null, decidedAt: null, decidedOn: null }] },
    expected: { status: 'not-covered', permitId: null, statusDate: null, filingKinds: [] },
  },
  {
    name: 'submitted only → pending',
    sources: { filings: [{ kind: 'noi-nonconstruction', status: 'submitted', permitId: null, decidedAt: null, decidedOn: null }] },
    expected: { status: 'pending', permitId: null, statusDate: null, filingKinds: [] },
  },
  {
    name: 'accepted NOI → active with its permit ID',
    sources: { filings: [accepted('noi-construction', '2026-11-20', 'MEN-C-2026-00001')] },
    expected: { status: 'active', permitId: 'MEN-C-2026-00001', statusDate: '2026-11-20', filingKinds: ['noi-construction'] },
  },
  {
    name: 'accepted NEC → active',
    sources: { filings: [accepted('nec', '2026-01-10', 'MN-NEC-0042')] },
    expected: { status: 'active', permitId: 'MN-NEC-0042', statusDate: '2026-01-10', filingKinds: ['nec'] },
  },
  {
    name: 'accepted NEC whose due date passed with a lapse notice → lapsed (§512-30 B(7)(a)[3])',
    sources: { filings: [accepted('nec', '2026-01-10', 'MN-NEC-0042')], necLapses: [{ permitId: 'MN-NEC-0042', lapsedAt: at('2031-03-11'), lapsedOn: '2031-03-11' }] },
    expected: { status: 'lapsed', permitId: 'MN-NEC-0042', statusDate: '2031-03-11', filingKinds: ['nec'] },
  },
  {
    name: 'accepted NOI then accepted NOT → terminated, naming the permit it ended',
    sources: { filings: [accepted('noi-construction', '2026-01-10', 'MEN-C-2026-00001'), accepted('not', '2026-06-01', null, { terminatedPermitId: 'MEN-C-2026-00001' })] },
    expected: { status: 'terminated', permitId: 'MEN-C-2026-00001', statusDate: '2026-06-01', filingKinds: ['noi-construction'] },
  },
  {
    name: 'an NOT without a permit ID keeps the last permit the facility held',
    sources: { filings: [accepted('noi-construction', '2026-01-10', 'MEN-C-2026-00001'), accepted('not', '2026-06-01', null)] },
    expected: { status: 'terminated', permitId: 'MEN-C-2026-00001', statusDate: '2026-06-01', filingKinds: ['noi-construction'] },
  },
  {
    name: 'terminated, then a new NOI accepted later → active again',
    sources: { filings: [accepted('noi-construction', '2026-01-10', 'A'), accepted('not', '2026-06-01', null, { terminatedPermitId: 'A' }), accepted('noi-construction', '2027-02-01', 'B')] },
    expected: { status: 'active', permitId: 'B', statusDate: '2027-02-01', filingKinds: ['noi-construction'] },
  },
  {
    name: 'NOI and NOT decided at the same instant → terminated',
    sources: { filings: [accepted('not', '2026-06-01', null, { terminatedPermitId: 'A' }), accepted('noi-construction', '2026-06-01', 'A')] },
    expected: { status: 'terminated', permitId: 'A', statusDate: '2026-06-01', filingKinds: ['noi-construction'] },
  },
  {
    name: 'an imported Active permit → active with its WDID',
    sources: { importedPermits: [{ permitId: '9 30I000113', permitType: 'Industrial', status: 'active', statusDate: '2015-11-17' }] },
    expected: { status: 'active', permitId: '9 30I000113', statusDate: '2015-11-17', filingKinds: ['industrial'] },
  },
  {
    name: 'an imported Terminated permit → terminated',
    sources: { importedPermits: [{ permitId: '9 30I001035', permitType: 'Industrial', status: 'terminated', statusDate: '1992-03-25' }] },
    expected: { status: 'terminated', permitId: '9 30I001035', statusDate: '1992-03-25', filingKinds: ['industrial'] },
  },
  {
    name: 'an imported terminated permit, then an NOI accepted in Outfall → active (newest wins)',
    sources: {
      importedPermits: [{ permitId: '9 30I001035', permitType: 'Industrial', status: 'terminated', statusDate: '2015-03-25' }],
      filings: [accepted('noi-nonconstruction', '2026-11-20', 'CA-2026-1')],
    },
    expected: { status: 'active', permitId: 'CA-2026-1', statusDate: '2026-11-20', filingKinds: ['industrial', 'noi-nonconstruction'] },
  },
  {
    name: 'a submitted recertification does not turn an active NEC into pending',
    sources: { filings: [accepted('nec', '2026-01-10', 'N-1'), { kind: 'not', status: 'submitted', permitId: null, decidedAt: null, decidedOn: null }] },
    expected: { status: 'active', permitId: 'N-1', statusDate: '2026-01-10', filingKinds: ['nec'] },
  },
  {
    name: 'denied and returned filings count for nothing',
    sources: { filings: [{ kind: 'nec', status: 'denied', permitId: null, decidedAt: at('2026-01-10'), decidedOn: '2026-01-10' }, { kind: 'nec', status: 'returned', permitId: null, decidedAt: at('2026-01-11'), decidedOn: '2026-01-11' }] },
    expected: { status: 'not-covered', permitId: null, statusDate: null, filingKinds: [] },
  },
];

describe('listingStatusFor', () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(listingStatusFor({ ...none, ...c.sources }), c.expected));
  }
});
