// California WDIDs begin with the Regional Water Board and the county's two-digit code (the
// State Water Board numbers the 58 counties alphabetically, Alameda 01 … Yuba 58). A
// county sits in one board's region for a stormwater permit; where a county is split
// between boards (Orange: 8 and 9) the table names the board that issues most of its WDIDs.
// Regions 5 and 6 have offices: 5S Sacramento, 5F Fresno, 5R Redding, 6A/6B Lahontan.

export interface CaliforniaCountyCodes {
  region: string;
  countyCode: number;
}

export const californiaCounties: Readonly<Record<string, CaliforniaCountyCodes>> = {
  Alameda: { region: '2', countyCode: 1 },
  Butte: { region: '5R', countyCode: 4 },
  'Contra Costa': { region: '2', countyCode: 7 },
  'El Dorado': { region: '5S', countyCode: 9 },
  Fresno: { region: '5F', countyCode: 10 },
  Kern: { region: '5F', countyCode: 15 },
  'Los Angeles': { region: '4', countyCode: 19 },
  Marin: { region: '2', countyCode: 21 },
  Monterey: { region: '3', countyCode: 27 },
  Orange: { region: '9', countyCode: 30 },
  Placer: { region: '5S', countyCode: 31 },
  Riverside: { region: '8', countyCode: 33 },
  Sacramento: { region: '5S', countyCode: 34 },
  'San Bernardino': { region: '8', countyCode: 36 },
  'San Diego': { region: '9', countyCode: 37 },
  'San Francisco': { region: '2', countyCode: 38 },
  'San Joaquin': { region: '5S', countyCode: 39 },
  'San Mateo': { region: '2', countyCode: 41 },
  'Santa Barbara': { region: '3', countyCode: 42 },
  'Santa Clara': { region: '2', countyCode: 43 },
  Solano: { region: '2', countyCode: 48 },
  Sonoma: { region: '1', countyCode: 49 },
  Stanislaus: { region: '5S', countyCode: 50 },
  Tulare: { region: '5F', countyCode: 54 },
  Ventura: { region: '4', countyCode: 56 },
  Yolo: { region: '5S', countyCode: 57 },
};

/** "orange county", " Orange " and "Orange" all name Orange County. */
export function californiaCountyCodesFor(county: string): CaliforniaCountyCodes | undefined {
  const name = county.trim().replace(/\s+county$/i, '').toLowerCase();
  const key = Object.keys(californiaCounties).find((k) => k.toLowerCase() === name);
  return key ? californiaCounties[key] : undefined;
}
