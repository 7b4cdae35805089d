import { describe, expect, it } from "vitest";
import type { Actor, ProviderTenant } from "@visitnow/platform";
import { validateRule } from "../../platform/src/scheduling/index.js";
import { demoDirectoryFor } from "./demo-doctors.js";
import { addDays, demoFrontDeskClinics, demoWeeklyRules, MAX_ROLE_CLINICS, localDateIn, seedDemoSchedules, type DemoScheduleDeps } from "./demo-schedules.js";

const TODAY = "2026-11-26";
const CASES = [
  ["acme-market", "marketplace"],
  ["acme-hospital", "hospital"],
  ["sunrise", "hospital"],
] as const;

describe("demoWeeklyRules", () => {
  it("is deterministic per tenant and day", () => {
    for (const [slug, kind] of CASES) {
      const seed = demoDirectoryFor(slug, kind);
      expect(demoWeeklyRules(slug, seed, TODAY)).toEqual(demoWeeklyRules(slug, demoDirectoryFor(slug, kind), TODAY));
    }
  });

  it("gives every published doctor exactly one valid rule at one of their clinics, Mon-Sat, for 90 days", () => {
    for (const [slug, kind] of CASES) {
      const seed = demoDirectoryFor(slug, kind);
      const rules = demoWeeklyRules(slug, seed, TODAY);
      const published = seed.doctors.filter((d) => d.published);
      expect(rules.map((r) => r.providerSlug).sort()).toEqual(published.map((d) => d.slug).sort());
      const zones = new Map(seed.clinics.map((c) => [c.slug, c.timeZone]));
      for (const r of rules) {
        const doctor = seed.doctors.find((d) => d.slug === r.providerSlug)!;
        expect(doctor.clinicSlugs).toContain(r.clinicSlug);
        expect(r.timeZone).toBe(zones.get(r.clinicSlug));
        expect(r.weekdays).toEqual([1, 2, 3, 4, 5, 6]);
        expect([10, 15, 20]).toContain(r.slotMinutes);
        expect(r.capacity).toBeGreaterThanOrEqual(1);
        expect(r.capacity).toBeLessThanOrEqual(3);
        expect(r.validFrom).toBe(TODAY);
        expect(r.validUntil).toBe("2027-02-23");
        expect(validateRule({ ...r, id: "new", providerId: r.providerSlug, clinicId: r.clinicSlug }), r.providerSlug).toEqual([]);
      }
    }
  });

  it("mixes mornings and evenings, and gives a few general physicians more than one patient a slot", () => {
    const seed = demoDirectoryFor("acme-market", "marketplace");
    const rules = demoWeeklyRules("acme-market", seed, TODAY);
    expect(new Set(rules.map((r) => `${r.start}-${r.end}`))).toEqual(new Set(["09:00-13:00", "17:00-20:00", "10:00-13:00"]));
    const shared = rules.filter((r) => r.capacity > 1);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(rules.length / 4);
    for (const r of shared) expect(seed.doctors.find((d) => d.slug === r.providerSlug)!.specialtySlugs[0]).toBe("general-medicine");
    for (const r of rules.filter((x) => seed.doctors.find((d) => d.slug === x.providerSlug)!.specialtySlugs[0] === "general-medicine")) expect(r.slotMinutes).toBe(10);
  });

  it("has Dr Rohan Mehta at 10:00-13:00 Mon-Sat with 15-minute slots", () => {
    for (const [slug, kind] of CASES) {
      const seed = demoDirectoryFor(slug, kind);
      const mehta = seed.doctors.find((d) => d.userEmail === `dr.mehta@${slug}.example`)!;
      const rule = demoWeeklyRules(slug, seed, TODAY).find((r) => r.providerSlug === mehta.slug)!;
      expect(rule).toMatchObject({ clinicSlug: mehta.clinicSlugs[0], weekdays: [1, 2, 3, 4, 5, 6], start: "10:00", end: "13:00", slotMinutes: 15, capacity: 1, mode: "in_clinic" });
    }
  });
});

describe("demoFrontDeskClinics", () => {
  it("names every clinic of a hospital, the demo doctor's first, and at most what a role grant allows", () => {
    const hospital = demoDirectoryFor("acme-hospital", "hospital");
    const mehta = hospital.doctors.find((d) => d.userEmail === "dr.mehta@acme-hospital.example")!;
    const clinics = demoFrontDeskClinics("acme-hospital", hospital);
    expect([...clinics].sort()).toEqual(hospital.clinics.map((c) => c.slug).sort());
    expect(clinics[0]).toBe(mehta.clinicSlugs[0]);
    const market = demoDirectoryFor("acme-market", "marketplace");
    const some = demoFrontDeskClinics("acme-market", market);
    expect(some).toHaveLength(Math.min(MAX_ROLE_CLINICS, market.clinics.length));
    expect(new Set(some).size).toBe(some.length);
  });
});

describe("dates", () => {
  it("reads today in the clinic's zone and adds calendar days", () => {
    expect(localDateIn(new Date("2026-11-25T19:00:00Z"), "Asia/Kolkata")).toBe("2026-11-26");
    expect(localDateIn(new Date("2026-11-25T18:00:00Z"), "Asia/Kolkata")).toBe("2026-11-25");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });
});

describe("seedDemoSchedules", () => {
  const tenant = { id: "t1", slug: "acme-hospital" } as ProviderTenant;
  const actor = { userId: "u1", tenantId: "t1", kind: "staff", roles: ["tenant_admin"], clinicIds: [] } as Actor;

  it("saves a rule per doctor by id and skips doctors with a current active rule", async () => {
    const seed = demoDirectoryFor("acme-hospital", "hospital");
    const rules = demoWeeklyRules("acme-hospital", seed, TODAY);
    const providerIds = new Map(seed.doctors.map((d, i) => [d.slug, `p${i}`]));
    const existing = new Map<string, { active: boolean; validUntil: string | null }[]>();
    existing.set(providerIds.get(rules[0]!.providerSlug)!, [{ active: true, validUntil: null }]);
    existing.set(providerIds.get(rules[1]!.providerSlug)!, [{ active: true, validUntil: addDays(TODAY, -1) }]);
    existing.set(providerIds.get(rules[2]!.providerSlug)!, [{ active: false, validUntil: null }]);
    const saved: Record<string, unknown>[] = [];
    const items = [...providerIds].map(([slug, id]) => ({ slug, id }));
    const deps = {
      providers: {
        admin: () => ({
          listClinics: async () => seed.clinics.map((c, i) => ({ slug: c.slug, id: `c${i}` })),
          listProviders: async ({ page = 1 }: { page?: number }) => ({ items: items.slice((page - 1) * 20, page * 20), pageCount: Math.ceil(items.length / 20) }),
        }),
      },
      scheduling: {
        listRules: async (_t: unknown, _a: unknown, providerId: string) => existing.get(providerId) ?? [],
        saveRule: async (_t: unknown, _a: unknown, input: Record<string, unknown>) => {
          saved.push(input);
          return { id: `r${saved.length}` };
        },
      },
    } as unknown as DemoScheduleDeps;
    const result = await seedDemoSchedules(deps, tenant, actor, rules, TODAY);
    expect(result).toEqual({ doctors: rules.length, added: rules.length - 1 });
    expect(saved.map((s) => s.providerId)).not.toContain(providerIds.get(rules[0]!.providerSlug));
    const first = saved.find((s) => s.providerId === providerIds.get(rules[1]!.providerSlug))!;
    const clinicIndex = seed.clinics.findIndex((c) => c.slug === rules[1]!.clinicSlug);
    expect(first).toEqual({
      clinicId: `c${clinicIndex}`,
      providerId: providerIds.get(rules[1]!.providerSlug),
      weekdays: rules[1]!.weekdays,
      start: rules[1]!.start,
      end: rules[1]!.end,
      slotMinutes: rules[1]!.slotMinutes,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
      capacity: rules[1]!.capacity,
      mode: rules[1]!.mode,
      breaks: [],
      validFrom: TODAY,
      validUntil: rules[1]!.validUntil,
      active: true,
    });
  });
});
