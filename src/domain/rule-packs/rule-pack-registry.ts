// The registry of rule packs by jurisdiction id. The two packs of the law ship registered;
// another jurisdiction registers its own pack without touching the core.
import { californiaPack } from './california/california-pack.ts';
import { menomineePack } from './menominee/menominee-pack.ts';
import type { RulePack } from './rule-pack.ts';

const packs = new Map<string, RulePack>();

export function registerRulePack(pack: RulePack): void {
  packs.set(pack.id, pack);
}

export function rulePackFor(id: string): RulePack | undefined {
  return packs.get(id);
}

export function registeredJurisdictions(): string[] {
  return [...packs.keys()];
}

registerRulePack(menomineePack);
registerRulePack(californiaPack);
