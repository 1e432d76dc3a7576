// `npm run bench -- assess`: applicability assessments per second in one process, over
// 100,000 generated sites (a seeded PRNG, so every run assesses the same sites). The
// schema is parsed once up front, as the CLI and API do per request; the timed loop is the
// pure assessment. Last line: `assess: N/s` (goal over 50,000/s).
import { assessApplicability } from '../src/domain/assessment/assess-applicability.ts';
import { parseAssessmentInput } from '../src/domain/assessment/assessment-input.ts';
import { exposureKeys, nonconstructionActivityKeys, siteActivities, type AssessmentInput } from '../src/domain/assessment/assessment-types.ts';
import { formatCalendarDate } from '../src/domain/assessment/calendar-date.ts';

const SITES = 100_000;

// mulberry32: small, fast, deterministic.
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateSites(count: number): AssessmentInput[] {
  const random = seededRandom(20030310);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const date = () => formatCalendarDate(1985 + Math.floor(random() * 45), 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28));
  const sites: AssessmentInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const activity = pick(siteActivities);
    const raw = {
      jurisdiction: chance(0.7) ? 'menominee' : 'california',
      asOf: date(),
      site: {
        activity,
        disturbedAcres: chance(0.9) ? Math.round(random() * 800) / 100 : null,
        constructionStart: chance(0.6) ? date() : null,
        noiSubmitted: chance(0.5) ? date() : null,
        operatorChange: chance(0.1) ? date() : null,
        finalStabilization: chance(0.3) ? date() : null,
        lastCertified: chance(0.4) ? date() : null,
        nonconstructionActivities: chance(0.2) ? [pick(nonconstructionActivityKeys)] : [],
        industrialActivity: chance(0.2),
        ms4: chance(0.05),
        permitIssuedBefore1987: chance(0.03),
        oilGas: activity === 'oil-gas' ? { reportableQuantitySince1987: chance(0.3), contributesToWqsViolation: chance(0.2) } : null,
        mining: activity === 'mining' ? { contactWithMaterials: chance(0.5) } : null,
        directorDetermination: { tmdl: chance(0.05), waterQuality: chance(0.05), denyNoExposure: chance(0.05) },
        stormResistantShelter: chance(0.5) ? chance(0.5) : null,
        exposure: chance(0.6) ? Object.fromEntries(exposureKeys.map((k) => [k, chance(0.08)])) : null,
      },
    };
    sites.push(parseAssessmentInput(raw));
  }
  return sites;
}

export function runAssessBenchmark(): void {
  const sites = generateSites(SITES);
  let permits = 0;
  for (const site of sites.slice(0, 10_000)) if (assessApplicability(site).permitRequired) permits += 1; // warm-up
  const started = process.hrtime.bigint();
  permits = 0;
  for (const site of sites) if (assessApplicability(site).permitRequired) permits += 1;
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`sites: ${SITES}, needing a permit: ${permits}, time: ${(seconds * 1000).toFixed(1)} ms`);
  console.log(`assess: ${Math.round(SITES / seconds)}/s`);
}
