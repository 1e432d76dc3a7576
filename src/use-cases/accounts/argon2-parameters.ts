// argon2id at OWASP's floor or above: 19 MiB, 2 passes, 1 lane. One module, so that the
// event loop's hashes and the hashing threads' hashes (hashing-worker.ts) are the same.
import { Algorithm } from '@node-rs/argon2';

export const argon2Options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
