// Lint: typescript-eslint's recommended rules, zero warnings, and the layering rule of
// ARCHITECTURE.md: domain ← use cases ← web / api / cli; nothing imports upward.
import tseslint from 'typescript-eslint';

const upward = (message, ...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', '.test-data/', 'e2e/screenshots/', 'dist/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: upward(
      'The domain holds pure rules: it imports no database, web, job, mail or CLI code.',
      ['**/db/**', '**/use-cases/**', '**/web/**', '**/cli/**', '**/jobs/**', '**/mail/**', '**/composition*', 'kysely', 'pg', 'hono', 'hono/*', '@electric-sql/*', 'pg-boss', 'nodemailer'],
    ),
  },
  {
    files: ['src/use-cases/**'],
    rules: upward('Use cases do not import the web, the CLI or the job runner (they are called by them).', ['**/web/**', '**/cli/**', '**/jobs/**', '**/composition*', 'hono', 'hono/*']),
  },
  {
    files: ['src/db/**', 'src/mail/**'],
    rules: upward('Infrastructure does not import use cases, web or CLI.', ['**/use-cases/**', '**/web/**', '**/cli/**']),
  },
);
