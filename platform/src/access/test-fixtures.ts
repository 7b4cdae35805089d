// Shared test fixtures for the access tests (not part of the public API).
import type { Actor } from "./abilities.js";

export const TENANT = "tenant-1";
export const NOW = new Date("2030-06-01T10:00:00Z");
export const LATER = new Date("2030-06-01T11:00:00Z");
export const EARLIER = new Date("2030-06-01T09:00:00Z");

const base = { tenantId: TENANT, clinicIds: [] as string[], providerId: null, supportGrant: null };

export const ACTORS = {
  patient: { ...base, userId: "p1", kind: "patient", roles: ["patient"] },
  doctor: { ...base, userId: "d1", kind: "staff", roles: ["doctor"], providerId: "pr1" },
  front_desk: { ...base, userId: "f1", kind: "staff", roles: ["front_desk"], clinicIds: ["c1"] },
  clinic_admin: { ...base, userId: "ca1", kind: "staff", roles: ["clinic_admin"], clinicIds: ["c1"] },
  tenant_admin: { ...base, userId: "ta1", kind: "staff", roles: ["tenant_admin"] },
  finance: { ...base, userId: "fi1", kind: "staff", roles: ["finance"] },
  support: { ...base, userId: "s1", kind: "staff", roles: ["support"] },
  platform_admin: { ...base, userId: "pa1", kind: "platform_admin", roles: ["platform_admin"] },
  platform_admin_granted: {
    ...base,
    userId: "pa1",
    kind: "platform_admin",
    roles: ["platform_admin"],
    supportGrant: { tenantId: TENANT, expiresAt: LATER },
  },
} satisfies Record<string, Actor>;

export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];
