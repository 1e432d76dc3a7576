// The demo data set: one discharger organization with its three member roles, staff for
// each shipped jurisdiction, and five realistic facilities. The README and the start-up
// message list these sign-ins; they exist only on demo databases.
import type { SecurityQuestionKey } from '../../domain/accounts/security-questions.ts';
import type { MemberRole, StaffRole } from '../../domain/permissions.ts';

/** Every demo account's password (shown on start-up and in the README). */
export const DEMO_PASSWORD = 'Outfall-Demo-2026!';
/** The answer to each of a demo account's three security questions. */
export const DEMO_SECURITY_ANSWER = 'demo';
export const demoSecurityQuestions: readonly SecurityQuestionKey[] = ['first-pet', 'first-school', 'birth-city'];
export const DEMO_EMAIL_DOMAIN = 'demo.outfall.test';

export interface DemoUser {
  email: string;
  name: string;
  phone: string;
  membership?: MemberRole;
  staff?: { jurisdictionId: string; role: StaffRole };
}

export const demoUsers: readonly DemoUser[] = [
  { email: 'lrp@demo.outfall.test', name: 'Lena Waukau', phone: '715-555-0101', membership: 'lrp' },
  { email: 'dar@demo.outfall.test', name: 'Daniel Pyawasit', phone: '715-555-0102', membership: 'dar' },
  { email: 'submitter@demo.outfall.test', name: 'Sara Grignon', phone: '715-555-0103', membership: 'submitter' },
  { email: 'reviewer.menominee@demo.outfall.test', name: 'Roger Kakkak', phone: '715-555-0201', staff: { jurisdictionId: 'menominee', role: 'reviewer' } },
  { email: 'admin.menominee@demo.outfall.test', name: 'Alice Oshkosh', phone: '715-555-0202', staff: { jurisdictionId: 'menominee', role: 'administrator' } },
  { email: 'reviewer.california@demo.outfall.test', name: 'Rosa Delgado', phone: '916-555-0301', staff: { jurisdictionId: 'california', role: 'reviewer' } },
  { email: 'admin.california@demo.outfall.test', name: 'Arthur Nguyen', phone: '916-555-0302', staff: { jurisdictionId: 'california', role: 'administrator' } },
];

export const demoOrganization = {
  name: 'Demo Manufacturing Co.',
  kind: 'company',
  jurisdictionId: 'menominee',
  address: 'N172 State Highway 47, Keshena, WI 54135',
  phone: '715-555-0100',
} as const;

export interface DemoFacility {
  name: string;
  address: string;
  city: string;
  state: string;
  zip: string;
  county: string;
  latitude: number;
  longitude: number;
  receivingWaters: string;
  dischargesToMs4: boolean;
  ms4Name: string | null;
  inIndianCountry: boolean;
  sicCodes: string[];
  naicsCodes: string[];
  jurisdictionId: string;
}

// Three sites on the Menominee Reservation (Menominee County, Wisconsin) and two in
// California: a facility's jurisdiction is its own, not its owner's.
export const demoFacilities: readonly DemoFacility[] = [
  {
    name: 'Keshena Sawmill',
    address: 'W3183 Sawmill Road',
    city: 'Keshena',
    state: 'WI',
    zip: '54135',
    county: 'Menominee',
    latitude: 44.8836,
    longitude: -88.6337,
    receivingWaters: 'Wolf River',
    dischargesToMs4: false,
    ms4Name: null,
    inIndianCountry: true,
    sicCodes: ['2421'],
    naicsCodes: ['321113'],
    jurisdictionId: 'menominee',
  },
  {
    name: 'Neopit Steel Fabrication',
    address: 'N1064 Neopit Mill Road',
    city: 'Neopit',
    state: 'WI',
    zip: '54150',
    county: 'Menominee',
    latitude: 44.9886,
    longitude: -88.8298,
    receivingWaters: 'West Branch Wolf River',
    dischargesToMs4: false,
    ms4Name: null,
    inIndianCountry: true,
    sicCodes: ['3441'],
    naicsCodes: ['332312'],
    jurisdictionId: 'menominee',
  },
  {
    name: 'Zoar Transfer Station',
    address: 'W2850 Zoar Road',
    city: 'Zoar',
    state: 'WI',
    zip: '54135',
    county: 'Menominee',
    latitude: 44.9412,
    longitude: -88.5021,
    receivingWaters: 'Little Oconto River',
    dischargesToMs4: false,
    ms4Name: null,
    inIndianCountry: true,
    sicCodes: ['4953'],
    naicsCodes: ['562219'],
    jurisdictionId: 'menominee',
  },
  {
    name: 'West Sacramento Metal Works',
    address: '3400 Industrial Boulevard',
    city: 'West Sacramento',
    state: 'CA',
    zip: '95691',
    county: 'Yolo',
    latitude: 38.5669,
    longitude: -121.5464,
    receivingWaters: 'Sacramento River',
    dischargesToMs4: true,
    ms4Name: 'City of West Sacramento',
    inIndianCountry: false,
    sicCodes: ['3441'],
    naicsCodes: ['332312'],
    jurisdictionId: 'california',
  },
  {
    name: 'Fresno Lumber Yard',
    address: '2750 South Cherry Avenue',
    city: 'Fresno',
    state: 'CA',
    zip: '93706',
    county: 'Fresno',
    latitude: 36.7069,
    longitude: -119.7617,
    receivingWaters: 'Fresno Irrigation District canals, tributary to the San Joaquin River',
    dischargesToMs4: true,
    ms4Name: 'Fresno Metropolitan Flood Control District',
    inIndianCountry: false,
    sicCodes: ['2421', '5031'],
    naicsCodes: ['321113', '423310'],
    jurisdictionId: 'california',
  },
];

/** Stormwater sampling results of one demo facility, so its public page shows charts. */
export const demoSamplingResults: readonly { facilityName: string; sampledOn: string; parameter: string; result: number; units: string }[] = [
  ['2025-10-14', 7.2, 38, 3.1],
  ['2025-12-02', 6.9, 61, 4.4],
  ['2026-02-17', 7.4, 29, 2.2],
  ['2026-04-08', 7.0, 112, 6.8],
  ['2026-06-23', 7.3, 45, 2.9],
].flatMap(([sampledOn, ph, tss, oilGrease]) => [
  { facilityName: 'Keshena Sawmill', sampledOn: String(sampledOn), parameter: 'pH', result: Number(ph), units: 'SU' },
  { facilityName: 'Keshena Sawmill', sampledOn: String(sampledOn), parameter: 'Total Suspended Solids (TSS)', result: Number(tss), units: 'mg/L' },
  { facilityName: 'Keshena Sawmill', sampledOn: String(sampledOn), parameter: 'Oil and Grease (O&G)', result: Number(oilGrease), units: 'mg/L' },
]);
