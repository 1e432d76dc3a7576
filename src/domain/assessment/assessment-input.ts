// The contract's input schema (../shared/contracts/assessment.md), one schema for the CLI,
// the API and the questionnaire. Messages name the problem in the contract's style
// ("must be a number >= 0"); the path names the field. Omitted facts become null, false
// or empty. The jurisdiction must be a registered rule pack's id.
import { z } from 'zod';
import { registeredJurisdictions, rulePackFor } from '../rule-packs/rule-pack-registry.ts';
import { parseInput } from '../schema-parsing.ts';
import { exposureKeys, nonconstructionActivityKeys, siteActivities, type AssessmentInput, type ExposureAnswers, type Site } from './assessment-types.ts';
import { isCalendarDate } from './calendar-date.ts';

const dateMessage = 'must be a calendar date YYYY-MM-DD';
const flag = z.boolean({ error: 'must be true or false' }).nullish();
const calendarDate = z.string({ error: dateMessage }).refine(isCalendarDate, { error: dateMessage });
const optionalDate = z.string({ error: `${dateMessage} or null` }).refine(isCalendarDate, { error: `${dateMessage} or null` }).nullish();
const objectOrNull = (shape: z.ZodRawShape, what: string) => z.object(shape, { error: `must be ${what} or null` }).nullish();

const exposureShape = Object.fromEntries(exposureKeys.map((key) => [key, flag])) as Record<(typeof exposureKeys)[number], typeof flag>;

const siteSchema = z.object(
  {
    activity: z.enum(siteActivities, { error: `must be one of: ${siteActivities.join(', ')}` }),
    disturbedAcres: z.number({ error: 'must be a number >= 0' }).min(0, { error: 'must be a number >= 0' }).nullish(),
    constructionStart: optionalDate,
    noiSubmitted: optionalDate,
    operatorChange: optionalDate,
    finalStabilization: optionalDate,
    lastCertified: optionalDate,
    nonconstructionActivities: z
      .array(z.enum(nonconstructionActivityKeys, { error: `must be one of: ${nonconstructionActivityKeys.join(', ')}` }), { error: 'must be a list of activity keys' })
      .nullish(),
    industrialActivity: flag,
    ms4: flag,
    permitIssuedBefore1987: flag,
    oilGas: objectOrNull({ reportableQuantitySince1987: flag, contributesToWqsViolation: flag }, 'an object { reportableQuantitySince1987, contributesToWqsViolation }'),
    mining: objectOrNull({ contactWithMaterials: flag }, 'an object { contactWithMaterials }'),
    directorDetermination: objectOrNull({ tmdl: flag, waterQuality: flag, denyNoExposure: flag }, 'an object { tmdl, waterQuality, denyNoExposure }'),
    stormResistantShelter: flag,
    exposure: objectOrNull(exposureShape, 'an object of the eleven answers a to k'),
  },
  { error: 'must be an object with at least { activity }' },
);

export const assessmentInputSchema = z.object(
  {
    jurisdiction: z.string({ error: 'must be the id of a jurisdiction, e.g. "menominee"' }).superRefine((id, ctx) => {
      if (!rulePackFor(id)) ctx.addIssue({ code: 'custom', message: `must be one of: ${registeredJurisdictions().join(', ')}` });
    }),
    asOf: calendarDate,
    site: siteSchema,
  },
  { error: 'must be a JSON object with jurisdiction, asOf and site' },
);

type RawSite = z.output<typeof siteSchema>;

function toExposure(raw: RawSite['exposure']): ExposureAnswers | null {
  if (!raw) return null;
  // An answer left out is false (the contract: omitted fields are false).
  const answers = {} as ExposureAnswers;
  for (const key of exposureKeys) answers[key] = raw[key] === true;
  return answers;
}

/** Fills in what the input left out, so the rules never meet undefined. */
export function toSite(raw: RawSite): Site {
  return {
    activity: raw.activity,
    disturbedAcres: raw.disturbedAcres ?? null,
    constructionStart: raw.constructionStart ?? null,
    noiSubmitted: raw.noiSubmitted ?? null,
    operatorChange: raw.operatorChange ?? null,
    finalStabilization: raw.finalStabilization ?? null,
    lastCertified: raw.lastCertified ?? null,
    nonconstructionActivities: raw.nonconstructionActivities ? [...new Set(raw.nonconstructionActivities)] : [],
    industrialActivity: raw.industrialActivity === true,
    ms4: raw.ms4 === true,
    permitIssuedBefore1987: raw.permitIssuedBefore1987 === true,
    oilGas: raw.oilGas
      ? { reportableQuantitySince1987: raw.oilGas.reportableQuantitySince1987 === true, contributesToWqsViolation: raw.oilGas.contributesToWqsViolation === true }
      : null,
    mining: raw.mining ? { contactWithMaterials: raw.mining.contactWithMaterials === true } : null,
    directorDetermination: {
      tmdl: raw.directorDetermination?.tmdl === true,
      waterQuality: raw.directorDetermination?.waterQuality === true,
      denyNoExposure: raw.directorDetermination?.denyNoExposure === true,
    },
    stormResistantShelter: raw.stormResistantShelter ?? null,
    exposure: toExposure(raw.exposure),
  };
}

/** Parses raw JSON into an assessment input, or throws AppError('validation') naming each field. */
export function parseAssessmentInput(raw: unknown): AssessmentInput {
  const parsed = parseInput(assessmentInputSchema, raw);
  return { jurisdiction: parsed.jurisdiction, asOf: parsed.asOf, site: toSite(parsed.site) };
}
