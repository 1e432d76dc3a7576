// `npm run bench -- <name>`: runs one benchmark and prints its figures.
const benchmarks: Record<string, () => Promise<void>> = {
  startup: async () => (await import('./startup.ts')).runStartupBenchmark(),
  assess: async () => (await import('./assess.ts')).runAssessBenchmark(),
  search: async () => (await import('./search.ts')).runSearchBenchmark(),
  recertification: async () => (await import('./recertification.ts')).runRecertificationBenchmark(),
  'recertification-steps': async () => (await import('./recertification-steps.ts')).runRecertificationStepsBenchmark(),
};

const name = process.argv[2];
const run = name ? benchmarks[name] : undefined;
if (!run) {
  console.error(`Usage: npm run bench -- <${Object.keys(benchmarks).join('|')}>`);
  process.exitCode = 2;
} else {
  await run();
}
