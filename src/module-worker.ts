// Starts a worker thread on one of Outfall's own modules, found beside the module that asks:
// the TypeScript file under tsx (tests, `npx outfall`), where the worker first registers
// tsx's loader itself; the bundle's .mjs under `npm start` (scripts/build.mjs builds one
// entry per worker into dist/, beside outfall.mjs).
import { Worker, type WorkerOptions } from 'node:worker_threads';

export function startModuleWorker(callerUrl: string, moduleName: string, options: WorkerOptions = {}): Worker {
  const fromSources = callerUrl.endsWith('.ts');
  const file = new URL(`./${moduleName}.${fromSources ? 'ts' : 'mjs'}`, callerUrl);
  if (!fromSources) return new Worker(file, options);
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return new Worker(`import(${tsxApi}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`, { ...options, eval: true });
}
