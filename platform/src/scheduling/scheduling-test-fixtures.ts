// Shared set-up for the scheduling integration tests (not part of the public API).
import { randomBytes } from "node:crypto";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Actor, Role } from "../access/index.js";
import type { SchedulingTenant } from "../appointments/contract.js";
import type { Platform, Tenant } from "../index.js";

/** A Monday, 00:00 UTC = 05:30 in Kolkata. Services under test run at this instant. */
export const NOW = new Date("2030-03-04T00:00:00Z");

export interface World {
  platform: Platform;
  tenant: SchedulingTenant;
  /** Two clinics in Asia/Kolkata. */
  clinicA: string;
  clinicB: string;
  /** A clinic in Europe/London none of the doctors practises at. */
  clinicLondon: string;
  /** Published doctors at clinics A and B, by index. */
  doctors: string[];
  unpublished: string;
  admin: Actor;
  patientId: string;
}

function ref(t: Tenant): SchedulingTenant {
  return { ...t, primaryHost: `${t.slug}.test` } as SchedulingTenant;
}

const clinic = (slug: string, timeZone: string) => ({
  slug,
  name: `Clinic ${slug}`,
  addressLine: "1 Park St",
  locality: "Park Street",
  city: "Kolkata",
  state: "West Bengal",
  postcode: "700016",
  latitude: 22.55,
  longitude: 88.35,
  timeZone,
  phone: "+913322222222",
  facilities: [],
  openingHours: {},
});

/** A staff actor with a real user row (audit and `created_by` reference it). */
export async function staffActor(w: Pick<World, "platform" | "tenant">, roles: Role[], opts: { clinicIds?: string[]; providerId?: string | null } = {}): Promise<Actor> {
  const email = `${roles.join("-")}.${randomBytes(4).toString("hex")}@example.test`;
  const userId = await w.platform.identity.createUser(w.tenant, { kind: "staff", email, name: "Staff Member", password: "a-long-password-1", roles: roles.map((role) => ({ role, clinicIds: opts.clinicIds ?? [] })) });
  if (opts.providerId) await w.platform.withTenant(w.tenant, ({ db }) => db("users").where({ id: userId }).update({ provider_id: opts.providerId }));
  return { userId, tenantId: w.tenant.id, kind: "staff", roles, providerId: opts.providerId ?? null, clinicIds: opts.clinicIds ?? [] };
}

/** A tenant with clinics, `n` published doctors and one unpublished, a tenant admin and a patient. */
export async function createWorld(n: number, platform?: Platform): Promise<World> {
  const p = platform ?? (await createTestPlatform());
  const tenant = ref(await createTestTenant(createProvisioningService(p)));
  const prefix = tenant.slug.replace(/[^a-z0-9]/g, "");
  const doctor = (i: number, published: boolean) => ({
    slug: `${prefix}-dr-${i}`,
    name: `Dr. Test ${i}`,
    gender: "female" as const,
    email: `${prefix}${i}@example.test`,
    registrationNumber: `${prefix.toUpperCase()}-${i}`,
    registrationCouncil: "West Bengal Medical Council",
    qualifications: ["MBBS"],
    yearsExperience: 5,
    languages: ["English"],
    feeMinor: 50000,
    currency: "INR" as const,
    modes: ["in_clinic" as const, "video" as const],
    bio: "Test.",
    conditions: [],
    specialtySlugs: ["general"],
    clinicSlugs: ["kol-a", "kol-b"],
    published,
    marketplaceListed: false,
  });
  await p.providers.importDirectory(tenant, {
    specialties: [{ slug: "general", name: "General Medicine", synonyms: [] }],
    clinics: [clinic("kol-a", "Asia/Kolkata"), clinic("kol-b", "Asia/Kolkata"), clinic("ldn", "Europe/London")],
    doctors: [...Array.from({ length: n }, (_, i) => doctor(i, true)), doctor(n, false)],
  });
  const ids = await p.withTenant(tenant, async ({ db }) => ({
    clinics: new Map((await db("clinics").select("id", "slug")).map((r: { id: string; slug: string }) => [r.slug, r.id])),
    doctors: new Map((await db("providers").select("id", "slug")).map((r: { id: string; slug: string }) => [r.slug, r.id])),
  }));
  const w = { platform: p, tenant };
  const admin = await staffActor(w, ["tenant_admin"]);
  const patientId = await p.identity.createUser(tenant, { kind: "patient", email: `patient.${prefix}@example.test`, name: "Pat Ient", password: "a-long-password-1", roles: [{ role: "patient" }] });
  return {
    ...w,
    clinicA: ids.clinics.get("kol-a")!,
    clinicB: ids.clinics.get("kol-b")!,
    clinicLondon: ids.clinics.get("ldn")!,
    doctors: Array.from({ length: n }, (_, i) => ids.doctors.get(`${prefix}-dr-${i}`)!),
    unpublished: ids.doctors.get(`${prefix}-dr-${n}`)!,
    admin,
    patientId,
  };
}

/** A weekday rule form: Monday-Friday 09:00-12:00 in 30-minute slots from NOW's date. */
export function ruleForm(providerId: string, clinicId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { providerId, clinicId, weekdays: "mon,tue,wed,thu,fri", start: "09:00", end: "12:00", slotMinutes: "30", capacity: "1", mode: "in_clinic", validFrom: "2030-03-01", ...over };
}

/** Inserts an appointment row directly (what the booking code will write). */
export async function insertAppointment(
  w: World,
  a: { providerId: string; clinicId: string; startsAt: string; endsAt: string; status: string; seat?: number; holdExpiresAt?: Date | null },
): Promise<string> {
  return w.platform.withTenant(w.tenant, async ({ db }) => {
    const [row] = await db("appointments")
      .insert({
        provider_id: a.providerId,
        clinic_id: a.clinicId,
        patient_id: w.patientId,
        starts_at: a.startsAt,
        ends_at: a.endsAt,
        seat: a.seat ?? 1,
        mode: "in_clinic",
        status: a.status,
        hold_expires_at: a.holdExpiresAt ?? null,
      })
      .returning("id");
    return row.id as string;
  });
}
