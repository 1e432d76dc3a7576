// GET /api/v1/facilities as ../shared/contracts/public-api.md says: the answer's exact
// shape, each filter, typo'd and word-swapped names, exact permit IDs, paging, a 400 naming
// each bad parameter, the per-client rate limit, and no contact data anywhere.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contactData, createListedFacility, type ListedFacility } from '../support/public-records-fixtures.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

interface Answer {
  items: Record<string, unknown>[];
  total: number;
  page: number;
  pageSize: number;
}

describe('GET /api/v1/facilities', () => {
  let t: TestContext;
  let saddleback: ListedFacility;
  const names = (answer: Answer) => answer.items.map((i) => i.name);

  async function search(query: string): Promise<Answer> {
    const response = await t.app.request(`/api/v1/facilities${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    return (await response.json()) as Answer;
  }

  before(async () => {
    t = await createTestContext();
    saddleback = await createListedFacility(t, {
      name: 'Saddleback Valley Unified School District',
      operator: 'Saddleback Valley USD',
      permitId: '9 30I000113',
      county: 'Orange',
      receivingWater: 'San Juan Creek',
    });
    await createListedFacility(t, { name: 'Keshena Sawmill', operator: 'Demo Manufacturing Co.', permitId: 'MENOM-NEC-2026-0001', county: 'Menominee', jurisdictionId: 'menominee', receivingWater: 'Wolf River', filingKinds: ['nec'] });
    await createListedFacility(t, { name: 'Fresno Lumber Yard', operator: 'Valley Lumber Inc', permitId: '5F10I000201', county: 'Fresno', status: 'terminated' });
    await createListedFacility(t, { name: 'Orange County Recycling', operator: 'OC Waste Partners', permitId: '8 30I000999', county: 'Orange', status: 'lapsed' });
    for (let i = 1; i <= 5; i += 1) await createListedFacility(t, { name: `Ventura Harbor Yard ${i}`, operator: 'Harbor Works', permitId: `4 56I00000${i}`, county: 'Ventura' });
  });
  after(() => t.close());

  it('answers the contract\'s shape exactly: items of {id, permitId, name, operator, county, status, jurisdiction, url}, total, page, pageSize', async () => {
    const answer = await search('?permitId=9%2030I000113');
    assert.deepEqual(Object.keys(answer).sort(), ['items', 'page', 'pageSize', 'total']);
    assert.deepEqual(answer.items, [
      {
        id: saddleback.id,
        permitId: '9 30I000113',
        name: 'Saddleback Valley Unified School District',
        operator: 'Saddleback Valley USD',
        county: 'Orange',
        status: 'active',
        jurisdiction: 'california',
        url: `/facilities/${saddleback.id}`,
      },
    ]);
    assert.deepEqual([answer.total, answer.page, answer.pageSize], [1, 1, 20]);
  });

  it('finds names with typos, with the words swapped, by part of a word, and by operator', async () => {
    const cases: [string, string][] = [
      ['Keshna Sawmil', 'Keshena Sawmill'],
      ['Sawmill Keshena', 'Keshena Sawmill'],
      ['sadleback valley school', 'Saddleback Valley Unified School District'],
      ['District School Saddleback', 'Saddleback Valley Unified School District'],
      ['Lumbr Fresno', 'Fresno Lumber Yard'],
      ['sawm', 'Keshena Sawmill'],
      ['OC Waste', 'Orange County Recycling'],
    ];
    for (const [q, expected] of cases) {
      const answer = await search(`?q=${encodeURIComponent(q)}`);
      assert.equal(names(answer)[0], expected, `q=${q} gave ${JSON.stringify(names(answer))}`);
    }
    assert.deepEqual(names(await search('?q=Zzyzx%20Quarry')), []);
  });

  it('matches permitId exactly, and filters by county (any case) and status; filters combine', async () => {
    assert.deepEqual(names(await search('?permitId=5F10I000201')), ['Fresno Lumber Yard']);
    assert.equal((await search('?permitId=5F10I00020')).total, 0);
    assert.equal((await search('?permitId=9%2030i000113')).total, 0);
    assert.deepEqual(names(await search('?county=orange')), ['Orange County Recycling', 'Saddleback Valley Unified School District']);
    assert.deepEqual(names(await search('?status=terminated')), ['Fresno Lumber Yard']);
    assert.deepEqual(names(await search('?county=Orange&status=lapsed')), ['Orange County Recycling']);
    assert.deepEqual(names(await search('?q=saddleback&county=Fresno')), []);
    assert.deepEqual(names(await search('?q=Harbor&status=active&county=Ventura&pageSize=2')), ['Ventura Harbor Yard 1', 'Ventura Harbor Yard 2']);
  });

  it('pages from 1 with pageSize 1–100 (default 20) and an exact total', async () => {
    const all = await search('');
    assert.equal(all.total, 9);
    assert.equal(all.items.length, 9);
    const second = await search('?county=Ventura&pageSize=2&page=2');
    assert.deepEqual([second.total, second.page, second.pageSize], [5, 2, 2]);
    assert.deepEqual(names(second), ['Ventura Harbor Yard 3', 'Ventura Harbor Yard 4']);
    const beyond = await search('?county=Ventura&pageSize=2&page=9');
    assert.deepEqual([beyond.items.length, beyond.total], [0, 5]);
    assert.equal((await search('?pageSize=100')).pageSize, 100);
  });

  it('answers 400 naming the parameter for every invalid value', async () => {
    const cases: [string, string][] = [
      ['?pageSize=0', 'pageSize'],
      ['?pageSize=101', 'pageSize'],
      ['?pageSize=ten', 'pageSize'],
      ['?pageSize=2.5', 'pageSize'],
      ['?page=0', 'page'],
      ['?page=-1', 'page'],
      ['?page=x', 'page'],
      ['?status=asleep', 'status'],
      ['?sort=colour', 'sort'],
      [`?q=${'a'.repeat(201)}`, 'q'],
      [`?permitId=${'9'.repeat(61)}`, 'permitId'],
    ];
    for (const [query, path] of cases) {
      const response = await t.app.request(`/api/v1/facilities${query}`);
      assert.equal(response.status, 400, query);
      const body = (await response.json()) as { errors: { path: string; message: string }[] };
      assert.deepEqual(Object.keys(body), ['errors'], query);
      assert.equal(body.errors[0]!.path, path, query);
      assert.ok(body.errors[0]!.message.length > 0, query);
    }
  });

  it('never answers a contact person\'s name, e-mail or phone', async () => {
    const text = await (await t.app.request('/api/v1/facilities?pageSize=100')).text();
    for (const value of Object.values(contactData)) assert.ok(!text.includes(value), `found ${value}`);
  });

  it('describes itself in OpenAPI 3.1, from the same schemas', async () => {
    const response = await t.app.request('/api/v1/openapi.json');
    assert.equal(response.status, 200);
    const description = (await response.json()) as { openapi: string; paths: Record<string, { get: { parameters: { name: string; schema: { maximum?: number } }[] } }> };
    assert.equal(description.openapi, '3.1.0');
    const parameters = description.paths['/api/v1/facilities']!.get.parameters;
    for (const name of ['q', 'permitId', 'county', 'status', 'page', 'pageSize']) assert.ok(parameters.some((p) => p.name === name), name);
    assert.equal(parameters.find((p) => p.name === 'pageSize')!.schema.maximum, 100);
  });
});

describe('the public API\'s per-client rate limit', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ PUBLIC_API_RATE_LIMIT: '3', TRUST_PROXY: 'true' });
  });
  after(() => t.close());

  const from = (ip: string) => t.app.request('/api/v1/facilities', { headers: { 'x-forwarded-for': ip } });

  it('answers 429 with Retry-After and a JSON error past the limit, counts each client apart, and opens again the next minute', async () => {
    for (let i = 0; i < 3; i += 1) assert.equal((await from('203.0.113.7')).status, 200);
    const refused = await from('203.0.113.7');
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, String(retryAfter));
    const body = (await refused.json()) as { errors: { message: string }[] };
    assert.match(body.errors[0]!.message, /Too many requests/);
    assert.equal((await from('198.51.100.2')).status, 200);
    // The count is in the database, where every app server sees it.
    const rows = await t.services.db.selectFrom('api_rate_limit_windows').selectAll().where('client_key', '=', '203.0.113.7').execute();
    assert.equal(rows[0]!.request_count, 4);
    t.clock.advanceMinutes(1);
    assert.equal((await from('203.0.113.7')).status, 200);
  });
});
