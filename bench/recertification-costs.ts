// What one recertification costs in the server's process, measured here in the benchmark's
// own process on the same machine: an argon2id verification (on libuv's thread pool, so
// the cores share it) and the copy-of-record PDF (pdfkit and fontkit; the server renders it
// on a worker thread, src/documents/pdf-rendering-pool.ts, beside the event loop).
import { randomUUID } from 'node:crypto';
import { exposureKeys } from '../src/domain/assessment/assessment-types.ts';
import { exposureField, recertificationStatement } from '../src/domain/recertification/nec-recertification.ts';
import { describeRecertification } from '../src/domain/recertification/recertification-description.ts';
import { rulePackFor } from '../src/domain/rule-packs/rule-pack-registry.ts';
import { renderCopyOfRecordPdf } from '../src/documents/copy-of-record-pdf.ts';
import { verify } from '@node-rs/argon2';
import { hashPassword, verifyPassword } from '../src/use-cases/accounts/secret-hashing.ts';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(samples: number, once: () => Promise<unknown>): Promise<number> {
  await once(); // warm: first call loads modules and compiles
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The median time of one argon2id verification with the server's parameters. */
export async function measureVerification(samples: number): Promise<number> {
  const secret = 'one argon2 verification, timed';
  const hash = await hashPassword(secret);
  return timed(samples, () => verifyPassword(hash, secret));
}

/**
 * The median time of one argon2id verification while every core runs one, as they all do at
 * the hash bound. Hashes on one core each still share the memory bus and the last-level
 * cache (19 MiB each), so on some machines each takes longer than one hash alone does.
 * Hashes straight on libuv's pool, as many at once as the given cores (not in the
 * process's turns: hashing-slots.ts).
 */
export async function measureVerificationOnEveryCore(samples: number, cores: number): Promise<number> {
  const secret = 'one argon2 verification on every core, timed';
  const hash = await hashPassword(secret);
  await Promise.all(Array.from({ length: cores }, () => verify(hash, secret))); // warm
  const times: number[] = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: cores }, async () => {
      while (started < samples * cores) {
        started++;
        const began = performance.now();
        await verify(hash, secret);
        times.push(performance.now() - began);
      }
    }),
  );
  return median(times);
}

/** The median time to render one recertification's copy of record, as recertifyNec does. */
export async function measureCopyOfRecordPdf(samples: number): Promise<number> {
  const pack = rulePackFor('menominee')!;
  const answers: Record<string, string> = {
    dischargerName: 'Spike Works 1',
    dischargerAddress: '1 Main St, Keshena, WI 54135',
    dischargerPhone: '715-555-0101',
    facilityName: 'Spike Mill 1',
    facilityAddress: '1 Mill Rd, Keshena, WI 54135',
    facilityCounty: 'Menominee',
    latitude: '44.88',
    longitude: '-88.63',
    ...Object.fromEntries(exposureKeys.map((key) => [exposureField(key), 'no'])),
  };
  const now = new Date();
  const description = describeRecertification({
    jurisdictionId: 'menominee',
    permitId: 'MEN-N-2021-00001',
    facilityName: 'Spike Mill 1',
    answers,
    originalCertifiedAt: new Date(now.getTime() - 5 * 365 * 86_400_000),
    lastRecertifiedAt: null,
    dueDate: now.toISOString().slice(0, 10),
    statement: recertificationStatement(pack),
  });
  const canonicalJson = JSON.stringify({ answers });
  return timed(samples, () =>
    renderCopyOfRecordPdf({
      title: description.title,
      sections: description.sections,
      attachments: [],
      certificationStatement: description.certificationStatement,
      submissionId: randomUUID(),
      sequence: 2,
      organizationName: 'Spike Works 1',
      facilityName: 'Spike Mill 1',
      signer: { name: 'Spike LRP 1', email: 'lrp1@bench.outfall.test', roleLabel: 'Legally Responsible Person' },
      signedAt: now,
      signerIp: '127.0.0.1',
      canonicalJson,
      sha256: 'a'.repeat(64),
      authority: pack.name,
    }),
  );
}
