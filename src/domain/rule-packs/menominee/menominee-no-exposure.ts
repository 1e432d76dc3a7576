// The no-exposure exclusion's words, Menominee §512-30 B(7): the eleven questions of
// B(7)(d)[3][a]–[k] and the materials that need no shelter (B(7)(b)), verbatim.
import type { NonconstructionActivity, ExposureQuestion, ShelterException } from '../rule-pack.ts';
import { cite } from './menominee-law.ts';

const question = (key: ExposureQuestion['key'], text: string): ExposureQuestion => ({ key, text, citation: cite.s512(`B(7)(d)[3][${key}]`) });

export const menomineeExposureQuestions: readonly ExposureQuestion[] = [
  question('a', 'Using, storing or cleaning industrial machinery or equipment, and areas where residuals from using, storing or cleaning industrial machinery or equipment remain and are exposed to stormwater;'),
  question('b', 'Materials or residuals on the ground or in stormwater inlets from spills/leaks;'),
  question('c', 'Materials or products from past industrial activity;'),
  question('d', 'Material handling equipment (except adequately maintained vehicles);'),
  question('e', 'Materials or products during loading/unloading or transporting activities;'),
  question('f', 'Materials or products stored outdoors (except final products intended for outside use, e.g., new cars, where exposure to stormwater does not result in the discharge of pollutants);'),
  question('g', 'Materials contained in open, deteriorated or leaking storage drums, barrels, tanks, and similar containers;'),
  question('h', 'Materials or products handled/stored on roads or railways owned or maintained by the discharger;'),
  question('i', 'Waste material (except waste in covered, nonleaking containers, e.g., dumpsters);'),
  question('j', 'Application or disposal of process wastewater (unless otherwise permitted); and'),
  question('k', 'Particulate matter or visible deposits of residuals from roof stacks/vents not otherwise regulated, i.e., under an air quality control permit, and evident in the stormwater outflow.'),
];

export const menomineeShelterExceptions: readonly ShelterException[] = [
  {
    text: 'Drums, barrels, tanks, and similar containers that are tightly sealed, provided that those containers are not deteriorated and do not leak ("sealed" means banded or otherwise secured and without operational taps or valves);',
    citation: cite.s512('B(7)(b)[1]'),
  },
  { text: 'Adequately maintained vehicles used in material handling; and', citation: cite.s512('B(7)(b)[2]') },
  { text: 'Final products, other than products that would be mobilized in stormwater discharge (e.g., rock salt).', citation: cite.s512('B(7)(b)[3]') },
];

const activity = (key: NonconstructionActivity['key'], letter: string, text: string): NonconstructionActivity => ({ key, text, citation: cite.s512(`B(6)(${letter})`) });

/** §512-30 B(6)(a)–(p): nonconstruction activity that requires a stormwater permit. */
export const menomineeNonconstructionActivities: readonly NonconstructionActivity[] = [
  activity('noncontact-cooling-water', 'a', 'Noncontact cooling water, condensate and boiler blowdown.'),
  activity('contaminated-groundwater-remediation', 'b', 'Contaminated groundwater from remedial action operations.'),
  activity('petroleum-contaminated-water', 'c', 'Petroleum contaminated water.'),
  activity('pit-trench-dewatering', 'd', 'Pit/trench dewatering.'),
  activity('concrete-products', 'e', 'Concrete products operations.'),
  activity('nonmetallic-mining', 'f', 'Nonmetaline mining operations.'),
  activity('swimming-pool', 'g', 'Swimming pool facilities.'),
  activity('potable-water-treatment', 'h', 'Potable water treatment and conditioning.'),
  activity('dredging', 'i', 'Dredging operations: carriage and interstitial water.'),
  activity('hydrostatic-test-water', 'j', 'Hydrostatic test water and water supply system water.'),
  activity('nondomestic-wastewater-subsurface', 'k', 'Nondomestic wastewater to subsurface absorption systems.'),
  activity('land-application-liquid-waste', 'l', 'Land application of liquid wastes.'),
  activity('land-application-food-processing-solids', 'm', 'Land application of food processing by-product solids.'),
  activity('asphalt-wet-scrubbers', 'n', 'Asphalt operations using wet scrubbers.'),
  activity('outside-washing', 'o', 'Outside washing of vehicles, equipment and other objects.'),
  activity('sanitary-sewer-bypass', 'p', 'Bypasses and overflows from sanitary sewer collection systems.'),
];
