import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { registrationSchema } from '../../src/domain/accounts/account-schemas.ts';
import { commonPasswords } from '../../src/domain/accounts/common-passwords.ts';
import { isCommonPassword, passwordProblem } from '../../src/domain/accounts/password-policy.ts';

describe('password policy (NIST SP 800-63B §5.1.1.2)', () => {
  const cases: { password: string; email?: string; refused: RegExp | null }[] = [
    { password: '', refused: /at least 12 characters/ },
    { password: 'short', refused: /at least 12 characters/ },
    { password: 'elevenchars', refused: /at least 12 characters/ },
    { password: 'twelve chars', refused: null },
    { password: 'x'.repeat(129), refused: /at most 128/ },
    { password: 'x'.repeat(128), refused: null },
    { password: 'password1234', refused: /too common/ },
    { password: 'Password1234', refused: /too common/ },
    { password: 'QWERTYUIOP123', refused: /too common/ },
    { password: '123456789012', refused: /too common/ },
    { password: 'iloveyou1234', refused: /too common/ },
    { password: 'maria.lopez-2026!', email: 'maria.lopez@example.com', refused: /must not contain your e-mail/ },
    { password: 'MARIA.LOPEZ rocks on', email: 'maria.lopez@example.com', refused: /must not contain your e-mail/ },
    { password: 'al is my uncle here', email: 'al@example.com', refused: null },
    { password: 'river stone lantern', email: 'maria.lopez@example.com', refused: null },
    // Characters, not UTF-16 units: eleven emoji are eleven characters.
    { password: '🌧'.repeat(12), refused: null },
    { password: '🌧'.repeat(11), refused: /at least 12/ },
  ];
  for (const c of cases) {
    it(`${c.refused ? 'refuses' : 'accepts'} ${JSON.stringify(c.password.slice(0, 30))}${c.email ? ` for ${c.email}` : ''}`, () => {
      const problem = passwordProblem(c.password, c.email);
      if (c.refused) assert.match(problem ?? '', c.refused);
      else assert.equal(problem, null);
    });
  }

  it('ships a list of several hundred common passwords, lowercase and at least 12 characters', () => {
    assert.ok(commonPasswords.length >= 300, `only ${commonPasswords.length}`);
    for (const p of commonPasswords) {
      assert.equal(p, p.toLowerCase());
      assert.ok(p.length >= 12, p);
    }
    assert.equal(new Set(commonPasswords).size, commonPasswords.length);
    for (const p of ['password1234', 'qwertyuiop123', '123456789012', '1q2w3e4r5t6y']) assert.ok(isCommonPassword(p), p);
  });
});

describe('registration form rules', () => {
  const valid = {
    email: '  Maria.Lopez@Example.COM ',
    name: 'Maria Lopez',
    phone: '(715) 799-5100',
    password: 'river stone lantern',
    passwordConfirmation: 'river stone lantern',
    question1: 'first-pet',
    answer1: 'Rex',
    question2: 'birth-city',
    answer2: 'Green Bay',
    question3: 'first-car',
    answer3: 'Ford',
  };
  const cases: { name: string; change: Partial<typeof valid>; errors: Record<string, RegExp> }[] = [
    { name: 'a valid form', change: {}, errors: {} },
    { name: 'passwords that differ', change: { passwordConfirmation: 'river stone lantern!' }, errors: { passwordConfirmation: /do not match/ } },
    { name: 'no confirmation', change: { passwordConfirmation: '' }, errors: { passwordConfirmation: /again/ } },
    { name: 'a common password', change: { password: 'password1234', passwordConfirmation: 'password1234' }, errors: { password: /too common/ } },
    { name: 'the same question twice', change: { question3: 'first-pet' }, errors: { question3: /different/ } },
    { name: 'an unknown question', change: { question2: 'favourite-colour' }, errors: { question2: /Choose a question/ } },
    { name: 'a one-letter answer', change: { answer1: '  x ' }, errors: { answer1: /at least 2/ } },
    { name: 'a bad e-mail and no name', change: { email: 'maria at example', name: '  ' }, errors: { email: /right form/, name: /full name/ } },
    { name: 'a phone with letters', change: { phone: 'call me' }, errors: { phone: /phone number/ } },
  ];
  for (const c of cases) {
    it(`gives the right field errors for ${c.name}`, () => {
      const result = registrationSchema.safeParse({ ...valid, ...c.change });
      const errors = Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
      assert.deepEqual(Object.keys(errors).sort(), Object.keys(c.errors).sort());
      for (const [path, pattern] of Object.entries(c.errors)) assert.match(errors[path]!, pattern);
      if (result.success) assert.equal(result.data.email, 'maria.lopez@example.com');
    });
  }
});
