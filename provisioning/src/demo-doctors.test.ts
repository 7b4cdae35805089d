// Pure unit tests of the demo directory generator (no database).
import { describe, expect, it } from "vitest";
import type { DirectorySeed } from "@visitnow/platform";
import { CITIES, FIRST_NAMES, SPECIALTY_CATALOGUE, createRng, demoDirectoryFor, generateDirectorySeed } from "./demo-doctors.js";
import { DEMO_USERS } from "./demo-seed.js";

const HOSPITALS = ["sunrise", "citycare"] as const;
const SEEDS: [string, DirectorySeed][] = [
  ["sunrise", demoDirectoryFor("sunrise", "hospital")],
  ["citycare", demoDirectoryFor("citycare", "hospital")],
  ["illajwala", demoDirectoryFor("illajwala", "marketplace")],
];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const regionalLanguageOf = new Map(CITIES.map((c) => [c.name, c.regionalLanguage]));

describe("createRng", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    const draw = (seed: string) => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw("a")).toEqual(draw("a"));
    expect(draw("a")).not.toEqual(draw("b"));
  });
});

describe("demoDirectoryFor", () => {
  it("is deterministic: two calls give equal directories", () => {
    for (const [slug, seed] of SEEDS) expect(demoDirectoryFor(slug, slug === "illajwala" ? "marketplace" : "hospital"), slug).toEqual(seed);
  });

  it("gives each hospital 40+ doctors across 10+ specialties and 3+ clinics", () => {
    for (const slug of HOSPITALS) {
      const seed = demoDirectoryFor(slug, "hospital");
      expect(seed.doctors.length, slug).toBeGreaterThanOrEqual(40);
      expect(new Set(seed.doctors.flatMap((d) => d.specialtySlugs)).size, slug).toBeGreaterThanOrEqual(10);
      expect(seed.clinics.length, slug).toBeGreaterThanOrEqual(3);
    }
    expect(demoDirectoryFor("sunrise", "hospital").clinics.map((c) => c.name)).toContain("Sunrise Hospital, Indiranagar");
    expect(new Set(demoDirectoryFor("citycare", "hospital").clinics.map((c) => c.city))).toEqual(new Set(["Pune", "Mumbai"]));
  });

  it("gives the marketplace 100+ independent doctors across many cities, none marketplace-listed", () => {
    const seed = demoDirectoryFor("illajwala", "marketplace");
    expect(seed.doctors.length).toBeGreaterThanOrEqual(100);
    expect(new Set(seed.clinics.map((c) => c.city)).size).toBeGreaterThanOrEqual(8);
    expect(seed.doctors.filter((d) => d.marketplaceListed)).toEqual([]);
  });

  it("lists about a dozen hospital doctors on the marketplace and leaves three applicants unpublished", () => {
    for (const slug of HOSPITALS) {
      const { doctors } = demoDirectoryFor(slug, "hospital");
      expect(doctors.filter((d) => d.marketplaceListed).length, slug).toBe(12);
      expect(doctors.filter((d) => !d.published).length, slug).toBe(3);
      // The database refuses a listed doctor who is not published.
      expect(doctors.filter((d) => d.marketplaceListed && !d.published), slug).toEqual([]);
    }
  });

  it("references only specialties and clinics the directory defines, with valid slugs", () => {
    for (const [slug, seed] of SEEDS) {
      const specialties = new Set(seed.specialties.map((s) => s.slug));
      const clinics = new Set(seed.clinics.map((c) => c.slug));
      for (const d of seed.doctors) {
        expect(d.specialtySlugs.length, d.slug).toBeGreaterThanOrEqual(1);
        expect(d.specialtySlugs.length, d.slug).toBeLessThanOrEqual(2);
        expect(d.clinicSlugs.length, d.slug).toBeGreaterThanOrEqual(1);
        expect(d.clinicSlugs.length, d.slug).toBeLessThanOrEqual(2);
        for (const s of d.specialtySlugs) expect(specialties.has(s), `${slug} ${d.slug} -> ${s}`).toBe(true);
        for (const c of d.clinicSlugs) expect(clinics.has(c), `${slug} ${d.slug} -> ${c}`).toBe(true);
      }
      for (const s of [...seed.specialties.map((x) => x.slug), ...seed.clinics.map((x) => x.slug), ...seed.doctors.map((x) => x.slug)]) expect(s).toMatch(SLUG);
    }
  });

  it("keeps doctor slugs, emails, clinic slugs and (council, registration) pairs unique", () => {
    for (const [slug, seed] of SEEDS) {
      const unique = (xs: string[]) => expect(new Set(xs).size, slug).toBe(xs.length);
      unique(seed.doctors.map((d) => d.slug));
      unique(seed.doctors.map((d) => d.email.toLowerCase()));
      unique(seed.doctors.map((d) => `${d.registrationCouncil.toLowerCase()}|${d.registrationNumber.toLowerCase()}`));
      unique(seed.clinics.map((c) => c.slug));
      unique(seed.specialties.map((s) => s.name.toLowerCase()));
    }
  });

  it("charges whole multiples of Rs 50 between Rs 300 and Rs 2,000, in minor units", () => {
    for (const [, seed] of SEEDS) {
      for (const d of seed.doctors) {
        expect(d.feeMinor % 5000, d.slug).toBe(0);
        expect(d.feeMinor, d.slug).toBeGreaterThanOrEqual(30_000);
        expect(d.feeMinor, d.slug).toBeLessThanOrEqual(200_000);
        expect(d.currency).toBe("INR");
      }
    }
  });

  it("names doctors `Dr <First> <Last>` with a first name of their gender", () => {
    for (const [, seed] of SEEDS) {
      for (const d of seed.doctors) {
        const [title, first, last, ...rest] = d.name.split(" ");
        expect(title).toBe("Dr");
        expect(last, d.name).toBeTruthy();
        expect(rest).toEqual([]);
        expect(FIRST_NAMES[d.gender], d.name).toContain(first);
        expect(FIRST_NAMES[d.gender === "female" ? "male" : "female"], d.name).not.toContain(first);
      }
    }
  });

  it("has most doctors speak English and their city's regional language", () => {
    for (const [slug, seed] of SEEDS) {
      const cityOf = new Map(seed.clinics.map((c) => [c.slug, c.city]));
      const speaks = seed.doctors.filter((d) => d.languages.includes(regionalLanguageOf.get(cityOf.get(d.clinicSlugs[0]!)!)!));
      expect(speaks.length / seed.doctors.length, slug).toBeGreaterThanOrEqual(0.75);
      for (const d of seed.doctors) expect(d.languages, d.slug).toContain("English");
    }
  });

  it("registers doctors with the council of their clinic's state (dentists with the dental council)", () => {
    for (const [, seed] of SEEDS) {
      const cityOf = new Map(seed.clinics.map((c) => [c.slug, CITIES.find((x) => x.name === c.city)!]));
      for (const d of seed.doctors) {
        const city = cityOf.get(d.clinicSlugs[0]!)!;
        const council = d.specialtySlugs[0] === "dentistry" ? city.dentalCouncil : city.medicalCouncil;
        expect(d.registrationCouncil, d.slug).toBe(council.name);
        expect(d.registrationNumber, d.slug).toMatch(new RegExp(`^${council.code}-\\d{5}$`));
        expect(d.qualifications[0], d.slug).toBe(d.specialtySlugs[0] === "dentistry" ? "BDS" : "MBBS");
      }
    }
  });

  it("keeps experience in 2-35 years, at least one mode and a short bio", () => {
    for (const [, seed] of SEEDS) {
      for (const d of seed.doctors) {
        expect(d.yearsExperience).toBeGreaterThanOrEqual(2);
        expect(d.yearsExperience).toBeLessThanOrEqual(35);
        expect(d.modes.length).toBeGreaterThan(0);
        expect(d.bio).toContain(d.name);
        expect(d.conditions.length).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("puts clinics in Asia/Kolkata with coordinates near their city and opening hours by weekday", () => {
    for (const [, seed] of SEEDS) {
      for (const c of seed.clinics) {
        const city = CITIES.find((x) => x.name === c.city)!;
        const centre = city.localities.find((l) => l.name === c.locality)!;
        expect(c.timeZone).toBe("Asia/Kolkata");
        expect(Math.abs(c.latitude - centre.latitude), c.slug).toBeLessThan(0.01);
        expect(Math.abs(c.longitude - centre.longitude), c.slug).toBeLessThan(0.01);
        expect(c.postcode).toMatch(/^\d{6}$/);
        expect(Object.keys(c.openingHours).every((d) => ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].includes(d))).toBe(true);
        expect(c.openingHours.mon?.length, c.slug).toBeGreaterThan(0);
        for (const ranges of Object.values(c.openingHours)) for (const [from, to] of ranges) expect(from < to, `${c.slug} ${from}-${to}`).toBe(true);
      }
    }
  });

  it("includes the published demo doctor, linked to the tenant's demo doctor account", () => {
    for (const [slug, seed] of SEEDS) {
      const email = DEMO_USERS.doctor.email.replace("<slug>", slug);
      const linked = seed.doctors.filter((d) => d.userEmail);
      expect(linked, slug).toHaveLength(1);
      expect(linked[0], slug).toMatchObject({ name: DEMO_USERS.doctor.name, userEmail: email, email, published: true, specialtySlugs: ["cardiology"] });
    }
  });

  it("gives an unknown hospital tenant a full directory of its own", () => {
    const seed = demoDirectoryFor("greenvalley", "hospital");
    expect(seed.doctors.length).toBeGreaterThanOrEqual(40);
    expect(seed.clinics[0]?.name).toMatch(/^Greenvalley Hospital, /);
    expect(seed.doctors.every((d) => d.email.endsWith("@greenvalley.example"))).toBe(true);
  });
});

describe("SPECIALTY_CATALOGUE", () => {
  it("has 14+ specialties with synonyms patients type", () => {
    expect(SPECIALTY_CATALOGUE.length).toBeGreaterThanOrEqual(14);
    const synonyms = new Map(SPECIALTY_CATALOGUE.map((s) => [s.slug, s.synonyms]));
    expect(synonyms.get("dermatology")).toContain("skin doctor");
    expect(synonyms.get("cardiology")).toContain("heart doctor");
    expect(synonyms.get("paediatrics")).toContain("pediatrician");
    expect(synonyms.get("general-medicine")).toContain("family doctor");
  });
});

describe("generateDirectorySeed", () => {
  const bench = generateDirectorySeed({ seed: 42, doctors: 2000, clinics: 40 });

  it("gives 2,000 unique, published doctors at about 40 clinics", () => {
    expect(bench.doctors).toHaveLength(2000);
    expect(new Set(bench.doctors.map((d) => d.slug)).size).toBe(2000);
    expect(new Set(bench.doctors.map((d) => `${d.registrationCouncil}|${d.registrationNumber}`)).size).toBe(2000);
    expect(bench.doctors.every((d) => d.published && !d.marketplaceListed)).toBe(true);
    expect(bench.clinics).toHaveLength(40);
    const clinics = new Set(bench.clinics.map((c) => c.slug));
    expect(bench.doctors.every((d) => d.clinicSlugs.every((c) => clinics.has(c)))).toBe(true);
  });

  it("is deterministic per seed and keeps to the chosen cities", () => {
    expect(generateDirectorySeed({ seed: 42, doctors: 50, clinics: 6 })).toEqual(generateDirectorySeed({ seed: 42, doctors: 50, clinics: 6 }));
    expect(generateDirectorySeed({ seed: 43, doctors: 50, clinics: 6 })).not.toEqual(generateDirectorySeed({ seed: 42, doctors: 50, clinics: 6 }));
    const pune = generateDirectorySeed({ seed: 1, doctors: 30, clinics: 4, cities: ["Pune"] });
    expect(new Set(pune.clinics.map((c) => c.city))).toEqual(new Set(["Pune"]));
  });
});
