/** Every role a user can hold. Roles only ever add permissions: a user's rules are the union of their roles'. */
export const ROLES = [
  "patient",
  "doctor",
  "front_desk",
  "clinic_admin",
  "tenant_admin",
  "finance",
  "support",
  "platform_admin",
] as const;

export type Role = (typeof ROLES)[number];

/** Roles held by a tenant's staff (a tenant user of kind `staff`). */
export const STAFF_ROLES = ["doctor", "front_desk", "clinic_admin", "tenant_admin", "finance", "support"] as const satisfies readonly Role[];

/** Roles that must sign in with a second factor. */
export const ADMIN_ROLES = ["clinic_admin", "tenant_admin", "finance", "platform_admin"] as const satisfies readonly Role[];

/** Returns true when `value` names a known role. */
export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Returns true when any of `roles` must use a second factor. */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((r) => (ADMIN_ROLES as readonly Role[]).includes(r));
}
