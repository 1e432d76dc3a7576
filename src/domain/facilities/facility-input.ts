// A facility (site) as its members describe it. One schema, shared by the form and the use
// cases: the form posts strings ("yes", "44.87", "2434, 3471"), programs may post numbers,
// booleans and arrays; both come out as the same typed facility.
import { z } from 'zod';

const requiredText = (message: string, max = 200) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `Use ${max} characters or fewer`);

/** WGS 84 decimal degrees, stored to six places (about 10 cm), as numeric(9,6) holds them. */
function coordinate(field: 'latitude' | 'longitude', limit: number, example: string) {
  const range = `Enter a ${field} between -${limit} and ${limit}`;
  return z.union([z.number(), z.string()], { error: `Enter the ${field}` }).transform((raw, ctx) => {
    const text = typeof raw === 'number' ? String(raw) : raw.trim();
    if (text === '') {
      ctx.addIssue({ code: 'custom', message: `Enter the ${field} in decimal degrees, such as ${example}` });
      return z.NEVER;
    }
    if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `Enter the ${field} as a number in decimal degrees, such as ${example} (not degrees, minutes and seconds)` });
      return z.NEVER;
    }
    const value = Number(text);
    if (!Number.isFinite(value) || value < -limit || value > limit) {
      ctx.addIssue({ code: 'custom', message: range });
      return z.NEVER;
    }
    return Math.round(value * 1e6) / 1e6;
  });
}

function yesNo(message: string) {
  return z.unknown().transform((raw, ctx) => {
    if (raw === true || raw === 'yes') return true;
    if (raw === false || raw === 'no') return false;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/** Codes as a comma-separated list (or an array), each checked against its pattern. */
function codeList(pattern: RegExp, message: (code: string) => string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((raw, ctx) => {
      const parts = (Array.isArray(raw) ? raw : (raw ?? '').split(/[,;\s]+/)).map((p) => p.trim()).filter(Boolean);
      const wrong = parts.find((p) => !pattern.test(p));
      if (wrong !== undefined) {
        ctx.addIssue({ code: 'custom', message: message(wrong) });
        return z.NEVER;
      }
      return [...new Set(parts)];
    });
}

const optionalText = z
  .string()
  .optional()
  .nullable()
  .transform((v) => (v ?? '').trim());

export const facilityInputSchema = z
  .object({
    name: requiredText('Enter the facility\'s name'),
    address: requiredText('Enter the street address of the facility', 300),
    city: requiredText('Enter the city or town'),
    state: z
      .string({ error: 'Enter the state as two letters, such as WI' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'Enter the state as two letters, such as WI'),
    zip: z
      .string({ error: 'Enter the ZIP code' })
      .trim()
      .regex(/^\d{5}(-\d{4})?$/, 'Enter a 5-digit ZIP code, such as 54135, or a ZIP+4 code, such as 54135-0910'),
    county: requiredText('Enter the county'),
    latitude: coordinate('latitude', 90, '44.8705'),
    longitude: coordinate('longitude', 180, '-88.6251'),
    receivingWaters: requiredText('Enter the receiving waters: the stream, river or lake the stormwater reaches', 300),
    dischargesToMs4: yesNo('Select whether stormwater from the facility reaches a municipal separate storm sewer system (MS4)'),
    ms4Name: optionalText,
    inIndianCountry: yesNo('Select whether the facility is in Indian country'),
    sicCodes: codeList(/^\d{4}$/, (code) => `Enter each SIC code as 4 digits, separated by commas, such as 2434, 3471 ("${code}" is not one)`),
    naicsCodes: codeList(/^\d{2,6}$/, (code) => `Enter each NAICS code as 2 to 6 digits, separated by commas, such as 321911 ("${code}" is not one)`),
    /** Empty: the owning organization's jurisdiction (registration) or the current one (edit). */
    jurisdictionId: optionalText,
  })
  // Checked even when other fields are wrong, so every message shows at once.
  .refine((facility) => !(facility.dischargesToMs4 && facility.ms4Name === ''), {
    path: ['ms4Name'],
    message: 'Enter the name of the MS4 the facility discharges to',
    when: (payload) => !payload.issues.some((i) => i.path?.[0] === 'dischargesToMs4' || i.path?.[0] === 'ms4Name'),
  })
  .transform((facility) => ({
    ...facility,
    ms4Name: facility.dischargesToMs4 ? facility.ms4Name : null,
    jurisdictionId: facility.jurisdictionId === '' ? null : facility.jurisdictionId,
  }));

export type FacilityInput = z.input<typeof facilityInputSchema>;
export type FacilityDetails = z.output<typeof facilityInputSchema>;

/** A facility as the audit trail records it (audit-event-types.ts, facility.*). */
export type FacilityRecord = Omit<FacilityDetails, 'jurisdictionId'> & { jurisdictionId: string };

export const facilityFieldLabels: Record<string, string> = {
  organizationId: 'Organization',
  name: 'Facility name',
  address: 'Street address',
  city: 'City',
  state: 'State',
  zip: 'ZIP code',
  county: 'County',
  latitude: 'Latitude',
  longitude: 'Longitude',
  receivingWaters: 'Receiving waters',
  dischargesToMs4: 'Discharges to an MS4',
  ms4Name: 'MS4 name',
  inIndianCountry: 'In Indian country',
  sicCodes: 'SIC codes',
  naicsCodes: 'NAICS codes',
  jurisdictionId: 'Jurisdiction',
};
