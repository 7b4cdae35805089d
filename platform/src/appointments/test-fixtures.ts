// Test-only: weekly rules, patients, staff and dependants written straight into a tenant
// schema, and the real slot functions of platform/src/scheduling wired as booking needs them.
import type { Actor } from "../access/index.js";
import type { Platform } from "../create-platform.js";
import type { TenantDbRef } from "../db/index.js";
import { BookingPolicyStore } from "../scheduling/booking-policy-store.js";
import { findBookableSlot, nextOpenSlots } from "../scheduling/slot-service.js";
import type { SlotLookup } from "./appointment-service.js";

const DAY_MS = 86_400_000;

/** The scheduling domain's slot functions, as the appointments factory takes them. */
export function realSlotLookup(): SlotLookup {
  return { findBookableSlot, nextOpenSlots, policyFor: (scope, providerId) => new BookingPolicyStore(scope).policyFor(providerId) };
}

/** Adds a weekly rule (every day, clinic local time) for a doctor at a clinic. */
export async function addRule(platform: Platform, tenant: TenantDbRef, r: { providerId: string; clinicId: string; start: string; end: string; slotMinutes: number; capacity?: number }): Promise<void> {
  await platform.withTenant(tenant, ({ db }) =>
    db("availability_rules").insert({
      provider_id: r.providerId,
      clinic_id: r.clinicId,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      start_time: r.start,
      end_time: r.end,
      slot_minutes: r.slotMinutes,
      capacity: r.capacity ?? 1,
      valid_from: new Date(Date.now() - 2 * DAY_MS).toISOString().slice(0, 10),
    }),
  );
}

let seq = 0;

/** `n` patient accounts (no password: these tests never sign in), as actors. */
export async function createPatients(platform: Platform, tenant: TenantDbRef, n: number): Promise<Actor[]> {
  return platform.withTenant(tenant, async ({ db }) => {
    const rows = await db("users")
      .insert(Array.from({ length: n }, () => ({ kind: "patient", name: `Patient ${++seq}`, email: `patient${seq}.${tenant.slug}@example.test` })))
      .returning("id");
    return rows.map((r: { id: string }) => ({ userId: r.id, tenantId: tenant.id, kind: "patient" as const, roles: ["patient" as const], clinicIds: [] }));
  });
}

/** A staff account with one role, as an actor. */
export async function createStaff(platform: Platform, tenant: TenantDbRef, role: "front_desk" | "doctor" | "tenant_admin", opts: { clinicIds?: string[]; providerId?: string } = {}): Promise<Actor> {
  return platform.withTenant(tenant, async ({ db }) => {
    const [row] = await db("users")
      .insert({ kind: "staff", name: `Staff ${++seq}`, email: `staff${seq}.${tenant.slug}@example.test`, provider_id: opts.providerId ?? null })
      .returning("id");
    await db("user_roles").insert({ user_id: row.id, role, clinic_ids: opts.clinicIds ?? [] });
    return { userId: row.id as string, tenantId: tenant.id, kind: "staff" as const, roles: [role], clinicIds: opts.clinicIds ?? [], providerId: opts.providerId ?? null };
  });
}

/** A dependant of a patient; returns its id. */
export async function addDependant(platform: Platform, tenant: TenantDbRef, patientId: string, name = "Little One"): Promise<string> {
  return platform.withTenant(tenant, async ({ db }) => {
    const [row] = await db("dependants").insert({ patient_id: patientId, name, relationship: "child" }).returning("id");
    return row.id as string;
  });
}
