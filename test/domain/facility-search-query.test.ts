// The public search's query schema (page, API, OpenAPI): a table of raw queries and what
// they become or which parameter they are refused for; the CSV quoting; the rate-limit
// window; which copies of record may be public.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyOfRecordPublicity } from '../../src/domain/public-records/copy-publicity.ts';
import { effectiveSort, facilitySearchQuerySchema } from '../../src/domain/public-records/facility-search-query.ts';
import { csvField, smartsDateTime } from '../../src/domain/public-records/public-csv.ts';
import { rateLimitWindowAt, secondsUntilWindowEnds } from '../../src/domain/public-records/rate-limit-window.ts';

describe('facility search query', () => {
  const accepted: [Record<string, string>, Record<string, unknown>][] = [
    [{}, { page: 1, pageSize: 20 }],
    [{ q: '  Keshena Sawmill ' }, { q: 'Keshena Sawmill', page: 1, pageSize: 20 }],
    [{ q: '', permitId: '', county: '', status: '', pageSize: '', page: '' }, { page: 1, pageSize: 20 }],
    [{ permitId: '9 30I000113' }, { permitId: '9 30I000113', page: 1, pageSize: 20 }],
    [{ county: 'Orange', status: 'lapsed' }, { county: 'Orange', status: 'lapsed', page: 1, pageSize: 20 }],
    [{ page: '3', pageSize: '100' }, { page: 3, pageSize: 100 }],
    [{ pageSize: '1' }, { page: 1, pageSize: 1 }],
    [{ sort: 'permitId', order: 'desc' }, { sort: 'permitId', order: 'desc', page: 1, pageSize: 20 }],
    [{ filingKind: 'nec', receivingWater: 'Wolf' }, { filingKind: 'nec', receivingWater: 'Wolf', page: 1, pageSize: 20 }],
    [{ unknown: 'ignored' }, { page: 1, pageSize: 20 }],
  ];
  for (const [raw, expected] of accepted) {
    it(`reads ${JSON.stringify(raw)}`, () => assert.deepEqual(JSON.parse(JSON.stringify(facilitySearchQuerySchema.parse(raw))), expected));
  }

  const refused: [Record<string, string>, string][] = [
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '101' }, 'pageSize'],
    [{ pageSize: '1.5' }, 'pageSize'],
    [{ pageSize: 'twenty' }, 'pageSize'],
    [{ page: '0' }, 'page'],
    [{ page: 'first' }, 'page'],
    [{ status: 'expired' }, 'status'],
    [{ filingKind: 'swppp' }, 'filingKind'],
    [{ sort: 'size' }, 'sort'],
    [{ order: 'up' }, 'order'],
    [{ q: 'x'.repeat(201) }, 'q'],
  ];
  for (const [raw, path] of refused) {
    it(`refuses ${JSON.stringify(raw).slice(0, 60)} naming ${path}`, () => {
      const result = facilitySearchQuerySchema.safeParse(raw);
      assert.equal(result.success, false);
      assert.deepEqual(result.error!.issues.map((i) => i.path.join('.')), [path]);
    });
  }

  const sorts: [{ q?: string; sort?: 'relevance' | 'name' | 'county' }, string][] = [
    [{}, 'name'],
    [{ q: 'mill' }, 'relevance'],
    [{ sort: 'relevance' }, 'name'],
    [{ q: 'mill', sort: 'county' }, 'county'],
  ];
  for (const [query, expected] of sorts) it(`orders ${JSON.stringify(query)} by ${expected}`, () => assert.equal(effectiveSort(query), expected));
});

describe('public CSV fields (RFC 4180)', () => {
  const cases: [string | number | null, string][] = [
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [null, ''],
    [-117.68, '-117.68'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['@SUM', "'@SUM"],
  ];
  for (const [value, expected] of cases) it(`writes ${JSON.stringify(value)} as ${expected}`, () => assert.equal(csvField(value), expected));
  it('writes dates as SMARTS does', () => assert.equal(smartsDateTime(new Date('2016-01-05T00:00:00Z')), '1/5/2016 0:00:00'));
});

describe('rate-limit window', () => {
  it('is the wall-clock minute, with Retry-After until its end', () => {
    const now = new Date('2026-11-22T15:00:42.300Z');
    const window = rateLimitWindowAt(now);
    assert.equal(window.start.toISOString(), '2026-11-22T15:00:00.000Z');
    assert.equal(secondsUntilWindowEnds(window, now), 18);
    assert.equal(secondsUntilWindowEnds(window, new Date('2026-11-22T15:00:59.999Z')), 1);
  });
});

describe('copy of record publicity', () => {
  const cases: [Record<string, unknown>, boolean, string[]][] = [
    [{ signer: { name: 'Sam Signatory' }, answers: { facilityName: 'Mill' } }, true, []],
    [{ signer: { name: 'Sam', email: 'sam@example.test' } }, false, ['an e-mail address']],
    [{ answers: { operatorPhone: '715-555-0100' } }, false, ['a telephone number']],
    [{ answers: { swpppContactName: 'Pat' } }, false, ['a contact person']],
    [{ answers: { swpppContactPhone: '' } }, true, []],
    [{ signerIp: '203.0.113.9' }, false, ["the signer's network address"]],
  ];
  for (const [content, isPublic, reasons] of cases) {
    it(`${isPublic ? 'publishes' : 'withholds'} ${JSON.stringify(content)}`, () => {
      assert.deepEqual(copyOfRecordPublicity(JSON.stringify(content)), { isPublic, withheldBecause: reasons });
    });
  }
});
