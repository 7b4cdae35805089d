// Demo weekly availability: every published doctor of a demo tenant gets one weekly rule at
// their first clinic, so the demo can be booked at once. The rules come from a seeded PRNG
// (same tenant, same rules); seeding them skips doctors who already have a current rule.
import type { Actor, DirectorySeed, Platform, ProviderTenant } from "@visitnow/platform";
import { createRng, DEMO_TIME_ZONE } from "./demo-doctors.js";
import { DEMO_USERS } from "./demo-seed.js";

/** How long the demo's rules run, from the seeding day (inclusive). */
export const DEMO_SCHEDULE_DAYS = 90;

/** One weekly rule as the seed writes it: doctor and clinic by slug, times in the clinic's zone. */
export interface DemoWeeklyRule {
  providerSlug: string;
  clinicSlug: string;
  timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  start: string;
  end: string;
  slotMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  capacity: number;
  mode: "in_clinic" | "video";
  breaks: { start: string; end: string }[];
  validFrom: string;
  validUntil: string;
}

const MON_TO_SAT = [1, 2, 3, 4, 5, 6];
const SESSIONS = { morning: ["09:00", "13:00"], evening: ["17:00", "20:00"] } as const;
// Quick consultations are short; a first psychiatry or neurology visit takes longer.
const SLOT_MINUTES: Record<string, number> = {
  "general-medicine": 10,
  dentistry: 20,
  psychiatry: 20,
  neurology: 20,
  endocrinology: 20,
  "obstetrics-gynaecology": 20,
};

/** `YYYY-MM-DD` of `now` in `timeZone`. */
export function localDateIn(now: Date, timeZone: string = DEMO_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The weekly rules of a tenant's demo directory: each published doctor at their first
 * clinic, Monday to Saturday, a morning (09:00-13:00) or evening (17:00-20:00) session by
 * a seeded choice, 10/15/20-minute slots by specialty, a few general physicians seeing two
 * or three patients a slot; valid from `today` for 90 days. The demo doctor (Dr Rohan
 * Mehta) works 10:00-13:00 with 15-minute slots. Deterministic per tenant and day.
 */
export function demoWeeklyRules(tenantSlug: string, seed: DirectorySeed, today: string): DemoWeeklyRule[] {
  const rng = createRng(`schedule:${tenantSlug}`);
  const zones = new Map(seed.clinics.map((c) => [c.slug, c.timeZone]));
  const demoEmail = DEMO_USERS.doctor.email.replace("<slug>", tenantSlug).toLowerCase();
  const validUntil = addDays(today, DEMO_SCHEDULE_DAYS - 1);
  const rules: DemoWeeklyRule[] = [];
  for (const d of seed.doctors) {
    // Drawn for every doctor, so one doctor's change leaves the others' rules alone.
    const session = rng.chance(0.6) ? SESSIONS.morning : SESSIONS.evening;
    const shared = rng.chance(0.35);
    const sharedCapacity = rng.int(2, 3);
    const clinicSlug = d.clinicSlugs.find((c) => zones.has(c));
    if (!d.published || !clinicSlug) continue;
    const isDemoDoctor = d.userEmail?.toLowerCase() === demoEmail;
    const primary = d.specialtySlugs[0] ?? "";
    const [start, end] = isDemoDoctor ? ["10:00", "13:00"] : session;
    rules.push({
      providerSlug: d.slug,
      clinicSlug,
      timeZone: zones.get(clinicSlug)!,
      weekdays: [...MON_TO_SAT],
      start,
      end,
      slotMinutes: isDemoDoctor ? 15 : (SLOT_MINUTES[primary] ?? 15),
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      capacity: !isDemoDoctor && primary === "general-medicine" && shared ? sharedCapacity : 1,
      mode: d.modes.includes("in_clinic") || !d.modes.length ? "in_clinic" : "video",
      breaks: [],
      validFrom: today,
      validUntil,
    });
  }
  return rules;
}

/** What seeding the rules needs from the platform (`platform.scheduling`, `platform.providers`). */
export interface DemoScheduleDeps {
  scheduling: Pick<Platform["scheduling"], "listRules" | "saveRule">;
  providers: Pick<Platform["providers"], "admin">;
}

/** The ids of a tenant's doctors and clinics by slug, as `actor` (a tenant admin) sees them. */
export async function directoryIds(providers: DemoScheduleDeps["providers"], tenant: ProviderTenant, actor: Actor): Promise<{ providers: Map<string, string>; clinics: Map<string, string> }> {
  const admin = providers.admin(tenant, actor);
  const clinics = new Map((await admin.listClinics()).map((c) => [c.slug, c.id]));
  const ids = new Map<string, string>();
  for (let page = 1, pages = 1; page <= pages; page++) {
    const r = await admin.listProviders({ page });
    for (const p of r.items) ids.set(p.slug, p.id);
    pages = r.pageCount;
  }
  return { providers: ids, clinics };
}

/**
 * Saves each rule through `scheduling.saveRule` as `actor` (a tenant admin), skipping
 * doctors who already have an active rule that runs on `today` or later (so a re-run is a
 * no-op, and a run after the rules lapsed starts them afresh). Returns how many of the
 * rules' doctors have weekly availability afterwards, and how many rules were added.
 */
export async function seedDemoSchedules(deps: DemoScheduleDeps, tenant: ProviderTenant, actor: Actor, rules: DemoWeeklyRule[], today: string): Promise<{ doctors: number; added: number }> {
  const ids = await directoryIds(deps.providers, tenant, actor);
  let doctors = 0;
  let added = 0;
  for (const rule of rules) {
    const providerId = ids.providers.get(rule.providerSlug);
    const clinicId = ids.clinics.get(rule.clinicSlug);
    if (!providerId || !clinicId) continue;
    const existing = await deps.scheduling.listRules(tenant, actor, providerId);
    if (existing.some((r) => r.active && (r.validUntil === null || r.validUntil >= today))) {
      doctors++;
      continue;
    }
    const { providerSlug: _p, clinicSlug: _c, timeZone: _z, ...times } = rule;
    await deps.scheduling.saveRule(tenant, actor, { ...times, providerId, clinicId, active: true });
    doctors++;
    added++;
  }
  return { doctors, added };
}

/** The most clinics one role grant may name (`AccountAdminService.changeRoles` refuses more). */
export const MAX_ROLE_CLINICS = 50;

/**
 * The clinics (by slug) the demo front desk works at: every clinic of the tenant, the demo
 * doctor's first; a tenant with more than a role grant may name (the marketplace) gets the
 * first `MAX_ROLE_CLINICS` in seed order.
 */
export function demoFrontDeskClinics(tenantSlug: string, seed: DirectorySeed): string[] {
  const demoEmail = DEMO_USERS.doctor.email.replace("<slug>", tenantSlug).toLowerCase();
  const mehta = seed.doctors.find((d) => d.userEmail?.toLowerCase() === demoEmail)?.clinicSlugs ?? [];
  return [...new Set([...mehta, ...seed.clinics.map((c) => c.slug)])].slice(0, MAX_ROLE_CLINICS);
}

/**
 * Makes the demo front desk's clinics `clinicSlugs` (looked up as `actor`, a tenant admin).
 * Idempotent: `changeRoles` writes nothing when the clinics are already these. Returns how
 * many clinics the front desk works at.
 */
export async function seedDemoFrontDeskClinics(
  deps: { accountAdmin: Pick<Platform["accountAdmin"], "changeRoles">; providers: DemoScheduleDeps["providers"] },
  tenant: ProviderTenant,
  actor: Actor,
  frontDeskUserId: string,
  clinicSlugs: string[],
): Promise<number> {
  const ids = new Map((await deps.providers.admin(tenant, actor).listClinics()).map((c) => [c.slug, c.id]));
  const clinicIds = clinicSlugs.flatMap((slug) => (ids.has(slug) ? [ids.get(slug)!] : []));
  await deps.accountAdmin.changeRoles(tenant, actor, frontDeskUserId, [{ role: "front_desk", clinicIds }]);
  return clinicIds.length;
}
