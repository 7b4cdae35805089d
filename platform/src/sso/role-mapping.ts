import type { RoleMapping, StaffRole } from "./sso-store.js";

/**
 * The staff roles an ID token grants under `mapping`: every value of the mapped claim
 * (a string or a list of strings) that the map names, or `defaultRole` when none
 * does. Unknown values are ignored; an empty answer means "no access here".
 */
export function mapRoles(mapping: RoleMapping, defaultRole: StaffRole | null, claims: Record<string, unknown>): StaffRole[] {
  const raw = Object.prototype.hasOwnProperty.call(claims, mapping.claim) ? claims[mapping.claim] : undefined;
  const values = typeof raw === "string" ? [raw] : Array.isArray(raw) ? raw.filter((v): v is string => typeof v === "string") : [];
  const roles = new Set<StaffRole>();
  for (const v of values) {
    // Own keys only: a group called "constructor" must not reach Object.prototype.
    if (Object.prototype.hasOwnProperty.call(mapping.map, v)) roles.add(mapping.map[v] as StaffRole);
  }
  if (!roles.size && defaultRole) roles.add(defaultRole);
  return [...roles].sort();
}
