// The recertification rules as tables: which states are pending (the SMARTS guide, note 2),
// the eleven answers' schema naming each question, and that any Yes is exposure
// (Menominee §512-30 B(7)(c)[3]).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  necCertifications,
  allNo,
  exposedRecertificationItems,
  isPendingRecertification,
  recertificationAnswersSchema,
  recertificationStatement,
} from '../../src/domain/recertification/nec-recertification.ts';
import type { RecertificationState } from '../../src/domain/recertification/recertification-schedule.ts';
import { rulePackFor } from '../../src/domain/rule-packs/rule-pack-registry.ts';
import '../../src/domain/rule-packs/menominee/menominee-pack.ts';
import '../../src/domain/rule-packs/california/california-pack.ts';

describe('which NECs are pending recertification', () => {
  const table: [RecertificationState, boolean][] = [
    ['current', false],
    ['due-soon', true],
    // Late, but still recertifiable: refusing would leave no way back but a new NEC.
    ['lapsed', true],
  ];
  for (const [state, pending] of table) {
    it(`${state} → ${pending ? 'listed' : 'not listed'}`, () => assert.equal(isPendingRecertification(state), pending));
  }
});

describe('the eleven answers', () => {
  for (const jurisdictionId of ['menominee', 'california']) {
    const pack = rulePackFor(jurisdictionId)!;
    const schema = recertificationAnswersSchema(pack);
    it(`${jurisdictionId}: all No parses`, () => assert.equal(schema.safeParse(allNo()).success, true));
    const bad: [string, Record<string, unknown>, string][] = [
      ['a missing answer', { ...allNo(), exposureA: undefined }, 'exposureA'],
      ['"maybe"', { ...allNo(), exposureK: 'maybe' }, 'exposureK'],
      ['a boolean', { ...allNo(), exposureE: true }, 'exposureE'],
    ];
    for (const [name, answers, path] of bad) {
      it(`${jurisdictionId}: ${name} is refused, naming ${path}`, () => {
        const result = schema.safeParse(answers);
        assert.equal(result.success, false);
        assert.deepEqual(result.error!.issues.map((i) => i.path.join('.')), [path]);
        assert.match(result.error!.issues[0]!.message, /^Answer question \d+ \([a-k]\): Yes or No$/);
      });
    }
    it(`${jurisdictionId}: the statement affirms no exposure now or in the foreseeable future, then the pack's NEC statement`, () => {
      const statement = recertificationStatement(pack);
      assert.match(statement, /foreseeable future, exposed to precipitation/);
      assert.ok(statement.endsWith(pack.necCertificationStatement));
    });
  }
});

describe('exposure', () => {
  const table: [string, Record<string, 'yes' | 'no'>, string[]][] = [
    ['all No', allNo(), []],
    ['A', { ...allNo(), exposureA: 'yes' }, ['a']],
    ['D and K', { ...allNo(), exposureD: 'yes', exposureK: 'yes' }, ['d', 'k']],
  ];
  for (const [name, answers, exposed] of table) {
    it(`${name} → exposed [${exposed.join(', ')}]`, () => assert.deepEqual(exposedRecertificationItems(answers), exposed));
  }
});

describe('the original NEC and the last recertification (the SMARTS guide, note 4)', () => {
  const filed = (id: string) => ({ id, purpose: 'filing' as const });
  const recertified = (id: string) => ({ id, purpose: 'recertification' as const });
  const cases: { why: string; submissions: { id: string; purpose: 'filing' | 'recertification' }[]; accepted: string | undefined; original: string | undefined; last: string | undefined }[] = [
    { why: 'one NEC, accepted', submissions: [filed('a')], accepted: 'a', original: 'a', last: undefined },
    { why: 'returned and signed again: the accepted one is the original', submissions: [filed('a'), filed('b')], accepted: 'b', original: 'b', last: undefined },
    { why: 'accepted, then two recertifications', submissions: [filed('a'), recertified('r1'), recertified('r2')], accepted: 'a', original: 'a', last: 'r2' },
    { why: 'no acceptance recorded: the last one filed', submissions: [filed('a'), filed('b'), recertified('r1')], accepted: undefined, original: 'b', last: 'r1' },
    { why: 'nothing signed', submissions: [], accepted: undefined, original: undefined, last: undefined },
  ];
  for (const c of cases) {
    it(c.why, () => {
      const result = necCertifications(c.submissions, c.accepted);
      assert.equal(result.original?.id, c.original);
      assert.equal(result.lastRecertification?.id, c.last);
    });
  }
});
