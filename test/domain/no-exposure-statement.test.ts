// Menominee §512-30 B(7)(d)[4]: "All "no exposure" certifications must include the
// following certification statement" — the seed's words, read out of the seed file, are
// the words every Menominee signer reads: the pack, the NEC's description (form, sign page,
// review, copy of record) and the recertification statement.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFiling } from '../../src/domain/filings/filing-description.ts';
import { recertificationStatement } from '../../src/domain/recertification/nec-recertification.ts';
import { menomineeNoExposureStatement } from '../../src/domain/rule-packs/no-exposure-statement.ts';
import { rulePackFor } from '../../src/domain/rule-packs/rule-pack-registry.ts';
import { menomineeNoExposureStatementFromSeed } from '../support/seed-law.ts';

const seedStatement = menomineeNoExposureStatementFromSeed();
const menominee = rulePackFor('menominee')!;

describe('Menominee §512-30 B(7)(d)[4]: the no exposure certification statement, word for word', () => {
  it('the seed gives the statement in full (it begins and ends as the law does)', () => {
    assert.match(seedStatement, /^I certify under penalty of law that I have read and understand the eligibility requirements for claiming a condition of no exposure/);
    assert.match(seedStatement, /including the possibility of fine and imprisonment for knowing violations\.$/);
  });

  const whereSignersReadIt: [string, string][] = [
    ['the rule pack', menominee.necCertificationStatement],
    ['the constant', menomineeNoExposureStatement],
    ['the NEC form, sign page and copy of record (describeFiling)', describeFiling('nec', {}, { jurisdictionId: 'menominee' }).certificationStatement],
  ];
  for (const [where, statement] of whereSignersReadIt) {
    it(`${where} prints the seed's statement exactly`, () => assert.equal(statement, seedStatement));
  }

  it('the recertify page prints the SMARTS evaluation sentence, then the seed statement exactly', () => {
    const statement = recertificationStatement(menominee);
    assert.ok(statement.endsWith(` ${seedStatement}`), statement);
  });

  // The federal form's words (40 CFR 122.26(g)(1)(iii)) that the law does not have.
  const federalOnly = ['except as allowed in paragraph (g)(2) of this section', 'NPDES permitting authority staff', 'storm water', '"no exposure"', 'an NPDES permit'];
  for (const words of federalOnly) {
    it(`not the federal text: no "${words}"`, () => {
      assert.ok(!menominee.necCertificationStatement.includes(words));
      assert.ok(!recertificationStatement(menominee).includes(words));
    });
  }
});
