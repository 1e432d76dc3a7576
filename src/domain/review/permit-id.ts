// Which permit ID an accepted filing receives. The format is the rule pack's
// (formatPermitId); this decides the parts: the permit type from the filing kind and, for
// California, the Regional Water Board and county code from the facility's county. The
// series names the counter the sequence comes from: one per jurisdiction and series, so
// California counts per region, county and type, and Menominee per type and year.
import { AppError } from '../errors.ts';
import type { FilingKind } from '../filings/filing-kinds.ts';
import type { PermitIdParts, RulePack } from '../rule-packs/rule-pack.ts';
import { californiaCountyCodesFor } from './california-counties.ts';

export type PermitType = PermitIdParts['type'];

/**
 * The permit an accepted filing creates, or null for a Notice of Termination (it ends
 * coverage). An operator change is the new operator's NOI for the same kind of site, so it
 * takes the type of the facility's earlier permit (industrial when there is none).
 */
export function permitTypeFor(kind: FilingKind, earlierPermitType: PermitType | null = null): PermitType | null {
  switch (kind) {
    case 'noi-construction':
      return 'construction';
    case 'noi-nonconstruction':
      return 'nonconstruction';
    case 'nec':
      return 'nec';
    case 'operator-change':
      return earlierPermitType ?? 'nonconstruction';
    case 'not':
      return null;
  }
}

export interface PermitSeries {
  /** The counter's key in permit_sequences, e.g. "9-30-I" or "C-2026". */
  series: string;
  parts: Omit<PermitIdParts, 'sequence'>;
}

export function permitSeriesFor(pack: Pick<RulePack, 'id'>, options: { type: PermitType; county: string; year: number }): PermitSeries {
  const { type, year } = options;
  if (pack.id === 'california') {
    const codes = californiaCountyCodesFor(options.county);
    if (!codes) {
      throw new AppError(
        'conflict',
        `Outfall does not know the Regional Water Board and county code of ${options.county} County, so it cannot assign a WDID. Ask the administrator to add the county.`,
      );
    }
    // An NEC is an industrial (IGP) coverage type, so it shares the industrial letter "I".
    const letter = type === 'construction' ? 'C' : 'I';
    return { series: `${codes.region}-${String(codes.countyCode).padStart(2, '0')}-${letter}`, parts: { type, year, region: codes.region, countyCode: codes.countyCode } };
  }
  return { series: `${type}-${year}`, parts: { type, year } };
}

export function formatPermitId(pack: Pick<RulePack, 'formatPermitId'>, series: PermitSeries, sequence: number): string {
  return pack.formatPermitId({ ...series.parts, sequence });
}
