// How many hashes run at once by default: one per core when hashing yields to pages, else
// one per core but one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultHashConcurrency } from '../../src/use-cases/accounts/hashing-priority.ts';

describe('defaultHashConcurrency', () => {
  const cases: { cores: number; hashingYields: boolean; expect: number }[] = [
    { cores: 2, hashingYields: true, expect: 2 },
    { cores: 2, hashingYields: false, expect: 1 },
    { cores: 1, hashingYields: false, expect: 1 },
    { cores: 8, hashingYields: false, expect: 7 },
    { cores: 8, hashingYields: true, expect: 8 },
  ];
  for (const c of cases) {
    it(`${c.cores} cores, hashing ${c.hashingYields ? 'yields' : 'does not yield'}: ${c.expect} at once`, () =>
      assert.equal(defaultHashConcurrency(c), c.expect));
  }
});
