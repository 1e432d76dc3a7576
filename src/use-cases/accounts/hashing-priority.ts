// Hashing runs behind pages. On a machine with few cores, as many hashes at once as cores
// took the cores from the event loop (every page, every query) and from the database, and
// pages that hash nothing waited a second during the October 1 spike (docs/performance.md).
// Linux gives each thread its own nice value, so `serve`'s hashing threads lower their own
// priority (hashing-worker.ts): hashes then use every core the pages and the database leave
// idle, and yield the moment those need one.

/**
 * How many hashes run at once when the setting does not say: one per core when hashing
 * yields to pages (its threads run at a lower priority), else one per core but one, so the
 * event loop keeps a core.
 */
export function defaultHashConcurrency(options: { cores: number; hashingYields: boolean }): number {
  return Math.max(1, options.hashingYields ? options.cores : options.cores - 1);
}
