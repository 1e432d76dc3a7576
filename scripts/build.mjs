// Bundles Outfall's own TypeScript into dist/outfall.mjs with esbuild (about 0.2 s).
// `npm start` runs the bundle because it starts about twice as fast as loading every module
// through tsx's hooks (docs/performance.md). Pure-JavaScript libraries made of many small
// ES modules (kysely, zod, hono, commander) are bundled too, which saves reading hundreds of
// files at start; packages with WebAssembly, native code or files of their own stay in
// node_modules. `npx outfall` and the tests still run the sources through tsx.
import { build } from 'esbuild';

await build({
  // The workers are entries of their own: worker threads load them by file (module-worker.ts).
  entryPoints: {
    outfall: 'src/cli/main.ts',
    'pdf-rendering-worker': 'src/documents/pdf-rendering-worker.ts',
    'hashing-worker': 'src/use-cases/accounts/hashing-worker.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['@electric-sql/pglite', '@node-rs/argon2', 'pdfkit', 'fontkit', 'pg', 'pg-boss', 'nodemailer', 'esbuild', '@uswds/uswds', 'playwright-core'],
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: true,
  // Bundled CommonJS (commander) calls require(); give the ES module one.
  banner: { js: "import { createRequire as __outfallCreateRequire } from 'node:module'; const require = __outfallCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
