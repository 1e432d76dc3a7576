// POST /api/v1/assessments and the public questionnaire, over HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestContext, TestBrowser, type TestContext } from '../support/test-app.ts';

let context: TestContext;
before(async () => {
  context = await createTestContext();
});
after(() => context.close());

const example = {
  jurisdiction: 'menominee',
  asOf: '2026-11-22',
  site: { activity: 'construction', disturbedAcres: 2.5, constructionStart: '2027-03-01', noiSubmitted: '2027-02-20', operatorChange: null, exposure: null },
};

function post(body: string): Promise<Response> {
  return Promise.resolve(context.app.request('/api/v1/assessments', { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
}

describe('POST /api/v1/assessments', () => {
  it('answers the contract example with 200 and the same object as the CLI', async () => {
    const response = await post(JSON.stringify(example));
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.permitRequired, true);
    assert.equal(body.coverage, 'noi-construction');
    assert.deepEqual(body.deadlines[0], { kind: 'noi', due: '2027-02-27', citation: 'Menominee §512-30 A(1)(a)' });
    assert.equal(body.findings[0].code, 'small-construction');
    assert.equal(body.findings[0].citation, 'Menominee I.B(2)');
  });
  const bad: [string, string, string][] = [
    ['negative acres', JSON.stringify({ ...example, site: { ...example.site, disturbedAcres: -2 } }), 'site.disturbedAcres'],
    ['unknown jurisdiction', JSON.stringify({ ...example, jurisdiction: 'narnia' }), 'jurisdiction'],
    ['not JSON', '{"jurisdiction":', '(input)'],
    ['empty body', '', '(input)'],
  ];
  for (const [name, body, path] of bad) {
    it(`${name} → 400 naming ${path}, no stack trace`, async () => {
      const response = await post(body);
      assert.equal(response.status, 400);
      const text = await response.text();
      assert.doesNotMatch(text, /at .*\.ts:\d+/);
      const json = JSON.parse(text);
      assert.equal(json.errors[0].path, path);
      assert.ok(json.errors[0].message);
    });
  }
});

/** The next GET of the questionnaire: the form's hidden fields plus this page's answers. */
function nextUrl(html: string, answers: Record<string, string | string[]>): string {
  const query = new URLSearchParams();
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/?>/g)) query.append(match[1]!, decode(match[2]!));
  for (const [name, value] of Object.entries(answers)) for (const v of Array.isArray(value) ? value : [value]) query.append(name, v);
  return `/assessment?${query.toString()}`;
}

async function walk(steps: { heading: RegExp; answers: Record<string, string | string[]> }[]): Promise<string> {
  const browser = new TestBrowser(context.app);
  let response = await browser.get('/assessment');
  for (const step of steps) {
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, step.heading);
    response = await browser.get(nextUrl(html, step.answers));
  }
  assert.equal(response.status, 200);
  return response.text();
}

describe('the "Do I need a permit?" questionnaire', () => {
  it('the home page links to it', async () => {
    const html = await (await context.app.request('/')).text();
    assert.match(html, /href="\/assessment"/);
  });

  it('walks a Menominee construction site from the first question to findings with citations', async () => {
    const html = await walk([
      { heading: /<h1>Where is the site\?<\/h1>/, answers: { jurisdiction: 'menominee' } },
      { heading: /<h1>What happens at the site\?<\/h1>/, answers: { activity: 'construction' } },
      { heading: /<h1>How much land will be disturbed\?<\/h1>/, answers: { acres: '2.5' } },
      { heading: /<h1>Construction dates<\/h1>/, answers: { constructionStart: '2027-03-01', noiSubmitted: '', operatorChange: '', finalStabilization: '' } },
    ]);
    assert.match(html, /Yes: you need permit coverage/);
    assert.match(html, /between one and five acres/);
    assert.match(html, /Menominee I\.B\(2\)/);
    assert.match(html, /2027-02-27/);
    assert.match(html, /Start a construction Notice of Intent/);
    assert.match(html, /Online filing is coming soon/);
  });

  it('walks a Menominee industrial facility with no exposure to a No Exposure Certification', async () => {
    const noes = Object.fromEntries('abcdefghijk'.split('').map((k) => [`exposure-${k}`, 'no']));
    const html = await walk([
      { heading: /Where is the site/, answers: { jurisdiction: 'menominee' } },
      { heading: /What happens at the site/, answers: { activity: 'industrial' } },
      { heading: /Activities that need a permit/, answers: {} },
      { heading: /Other facts about the discharge/, answers: {} },
      { heading: /Is anything exposed to rain or snow/, answers: noes },
      { heading: /Your last No Exposure Certification/, answers: { lastCertified: '2024-02-29' } },
    ]);
    assert.match(html, /No permit, if you certify no exposure/);
    assert.match(html, /2029-02-28/);
    assert.match(html, /Start a No Exposure Certification/);
  });

  it('a wrong answer comes back with the error beside the field and status 400', async () => {
    const browser = new TestBrowser(context.app);
    const response = await browser.get('/assessment?jurisdiction=menominee&activity=construction&done=jurisdiction,activity,acres&q=acres&acres=lots');
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /There is a problem/);
    assert.match(html, /Enter the acres of soil disturbed as a number/);
    assert.match(html, /value="lots"/);
  });

  it('an oil and gas operation in Menominee that reported nothing is exempt (B(3))', async () => {
    const html = await walk([
      { heading: /Where is the site/, answers: { jurisdiction: 'menominee' } },
      { heading: /What happens at the site/, answers: { activity: 'oil-gas' } },
      { heading: /About the oil or gas operation/, answers: { oilGasRq: 'no', oilGasWqs: 'no' } },
      { heading: /Activities that need a permit/, answers: {} },
      { heading: /Other facts about the discharge/, answers: {} },
    ]);
    assert.match(html, /the site is exempt/);
    assert.match(html, /Menominee §512-30 B\(3\)/);
  });
});
