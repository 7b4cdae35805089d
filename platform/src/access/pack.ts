import { createMongoAbility, type RawRuleOf } from "@casl/ability";
import { packRules, unpackRules, type PackRule } from "@casl/ability/extra";
import type { AppAbility } from "./subjects.js";

export type PackedRules = PackRule<RawRuleOf<AppAbility>>[];

/**
 * The ability's rules in CASL's compact JSON form, for the UI to hide what the user may
 * not do. The server still checks every request: the UI copy is a hint, and a support
 * grant that expires after the page loaded stays in it until the next load.
 */
export function packAbility(ability: AppAbility): PackedRules {
  return packRules(ability.rules as RawRuleOf<AppAbility>[]);
}

/** Rebuilds an ability from `packAbility`'s output (in the browser). */
export function abilityFromPacked(packed: PackedRules): AppAbility {
  return createMongoAbility(unpackRules(packed)) as AppAbility;
}
