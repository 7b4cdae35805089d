import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { discoveryTenant, seedDoctors, setPublication } from "./test-fixtures.js";

let platform: Platform;
let a: Tenant;
let b: Tenant;
let ids: Record<string, string>;
const search = (params: Record<string, unknown> | URLSearchParams, t: Tenant = a) => platform.search.discovery(discoveryTenant(t)).search(params);
const slugs = async (params: Record<string, unknown>, t: Tenant = a) => (await search(params, t)).items.map((i) => i.slug);

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  a = await createTestTenant(provisioning);
  b = await createTestTenant(provisioning);
  ids = await seedDoctors(platform, a, [
    { slug: "asha-rao", name: "Asha Rao", gender: "female", specialties: ["cardiology"], clinics: ["indiranagar"], feeRupees: 800, years: 20, languages: ["English", "Hindi"], modes: ["in_clinic", "video"], conditions: ["hypertension"], rating: 4.5, qualifications: ["MBBS", "DM Cardiology"] },
    { slug: "vikram-shah", name: "Vikram Shah", gender: "male", specialties: ["cardiology"], clinics: ["whitefield"], feeRupees: 1200, years: 8, languages: ["English", "Kannada"] },
    { slug: "meera-iyer", name: "Meera Iyer", gender: "female", specialties: ["dermatology", "pediatrics"], clinics: ["koramangala"], feeRupees: 600, years: 12, languages: ["Tamil", "English"], modes: ["video"], rating: 3.9, bio: "Treats acne and eczema." },
    { slug: "rohan-das", name: "Rohan Das", gender: "male", specialties: ["pediatrics"], clinics: ["andheri"], feeRupees: 400, years: 3, languages: ["Hindi"] },
    { slug: "neha-kapoor", name: "Neha Kapoor", gender: "female", specialties: ["dermatology"], clinics: ["indiranagar"], published: false },
  ]);
  await seedDoctors(platform, b, [{ slug: "zara-cardio", name: "Zara Khan", specialties: ["cardiology"], clinics: ["indiranagar"], feeRupees: 100 }]);
});

afterAll(async () => {
  await platform?.close();
});

describe("doctor search", () => {
  it("finds cardiologists from a misspelt 'cardiolgist' and names the matched specialty", async () => {
    const r = await search({ q: "cardiolgist" });
    expect(r.items.map((i) => i.slug).sort()).toEqual(["asha-rao", "vikram-shah"]);
    expect(r.matchedSpecialty).toEqual({ slug: "cardiology", name: "Cardiology" });
  });

  it("finds a dermatologist for 'skin doctor' through the specialty's synonyms", async () => {
    const r = await search(new URLSearchParams("q=skin+doctor"));
    expect(r.items.map((i) => i.slug)).toEqual(["meera-iyer"]);
    expect(r.matchedSpecialty).toEqual({ slug: "dermatology", name: "Dermatology" });
  });

  it("finds a doctor by name, by condition and by clinic, ranking the best match first", async () => {
    expect(await slugs({ q: "Meera Iyer" })).toEqual(["meera-iyer"]);
    expect(await slugs({ q: "hypertension" })).toEqual(["asha-rao"]);
    expect(await slugs({ q: "whitefield" })).toEqual(["vikram-shah"]);
    expect((await search({ q: "Meera Iyer" })).matchedSpecialty).toBeNull();
  });

  it("falls back to trigram similarity for typos in names and conditions", async () => {
    expect(await slugs({ q: "Vikram Shha" })).toEqual(["vikram-shah"]);
    expect(await slugs({ q: "hypertensoin" })).toEqual(["asha-rao"]);
    expect(await slugs({ q: "qqqqzzzz" })).toEqual([]);
  });

  it("narrows by each filter", async () => {
    const sorted = async (p: Record<string, unknown>) => (await slugs(p)).sort();
    expect(await sorted({ specialty: "cardiology" })).toEqual(["asha-rao", "vikram-shah"]);
    expect(await sorted({ specialty: "pediatrics" })).toEqual(["meera-iyer", "rohan-das"]);
    expect(await sorted({ city: "mumbai" })).toEqual(["rohan-das"]);
    expect(await sorted({ city: "Bengaluru", locality: "Koramangala" })).toEqual(["meera-iyer"]);
    expect(await sorted({ language: "hindi" })).toEqual(["asha-rao", "rohan-das"]);
    expect(await sorted({ gender: "female" })).toEqual(["asha-rao", "meera-iyer"]);
    expect(await sorted({ fee_min: "500", fee_max: "1000" })).toEqual(["asha-rao", "meera-iyer"]);
    expect(await sorted({ mode: "video" })).toEqual(["asha-rao", "meera-iyer"]);
    expect(await sorted({ min_rating: "4" })).toEqual(["asha-rao"]);
    expect(await sorted({ q: "cardiology", gender: "male" })).toEqual(["vikram-shah"]);
  });

  it("sorts by fee both ways and by experience", async () => {
    expect(await slugs({ sort: "fee_asc" })).toEqual(["rohan-das", "meera-iyer", "asha-rao", "vikram-shah"]);
    expect(await slugs({ sort: "fee_desc" })).toEqual(["vikram-shah", "asha-rao", "meera-iyer", "rohan-das"]);
    expect(await slugs({ sort: "experience" })).toEqual(["asha-rao", "meera-iyer", "vikram-shah", "rohan-das"]);
    const r = await search({ sort: "fee_asc" });
    expect(r.items[0]?.fee).toEqual({ amountMinor: 40000, currency: "INR" });
  });

  it("sorts by distance from a locality to each doctor's nearest clinic", async () => {
    const r = await search({ sort: "distance", near: "Indiranagar" });
    expect(r.items.map((i) => i.slug)).toEqual(["asha-rao", "meera-iyer", "vikram-shah", "rohan-das"]);
    const km = r.items.map((i) => i.distanceKm as number);
    expect(km[0]).toBe(0);
    expect(km[1]).toBeGreaterThan(3);
    expect(km[1]).toBeLessThan(6);
    expect(km[2]).toBeGreaterThan(10);
    expect(km[3]).toBeGreaterThan(800);
    // A city with no clinic of this tenant falls back to the built-in city centre.
    const far = await search({ sort: "distance", near: "Chennai" });
    expect(far.items[0]?.slug).not.toBe("rohan-das");
    expect(far.items.at(-1)?.slug).toBe("rohan-das");
  });

  it("pages with a stable total", async () => {
    const p1 = await search({ sort: "fee_asc", page_size: "2" });
    expect(p1.items.map((i) => i.slug)).toEqual(["rohan-das", "meera-iyer"]);
    expect(p1).toMatchObject({ total: 4, page: 1, pageSize: 2, pageCount: 2 });
    const p2 = await search({ sort: "fee_asc", page_size: "2", page: "2" });
    expect(p2.items.map((i) => i.slug)).toEqual(["asha-rao", "vikram-shah"]);
    const p3 = await search({ sort: "fee_asc", page_size: "2", page: "3" });
    expect(p3.items).toEqual([]);
    expect(p3.total).toBe(4);
    expect((await search({})).total).toBe(4);
  });

  it("returns cards with this tenant's URLs and public fields only", async () => {
    const r = await search({ q: "Asha Rao" });
    const card = r.items[0]!;
    expect(card).toMatchObject({
      slug: "asha-rao",
      url: "/doctors/asha-rao",
      photoUrl: null,
      hospital: null,
      specialties: [{ slug: "cardiology", name: "Cardiology" }],
      qualifications: ["MBBS", "DM Cardiology"],
      clinics: [{ name: "Indiranagar Clinic", locality: "Indiranagar", city: "Bengaluru" }],
      rating: { average: 4.5, count: 10 },
      languages: ["English", "Hindi"],
    });
    expect(JSON.stringify(card)).not.toMatch(/REG-|latitude/);
  });

  it("never shows an unpublished doctor, and hides one at once when unpublished", async () => {
    expect(await slugs({ q: "Neha Kapoor" })).toEqual([]);
    await expect(platform.search.discovery(discoveryTenant(a)).getDoctor("neha-kapoor")).rejects.toMatchObject({ code: "not_found" });
    const [extra] = Object.values(await seedDoctors(platform, a, [{ slug: "temp-doc", name: "Tarun Mehta", specialties: ["orthopedics"], clinics: ["andheri"] }]));
    expect(await slugs({ q: "Tarun Mehta" })).toEqual(["temp-doc"]);
    await setPublication(platform, a, extra as string, { published: false });
    expect(await slugs({ q: "Tarun Mehta" })).toEqual([]);
    expect(await slugs({ specialty: "orthopedics" })).toEqual([]);
    await expect(platform.search.discovery(discoveryTenant(a)).getDoctor("temp-doc")).rejects.toMatchObject({ code: "not_found" });
    const rows = await platform.withTenant(a, ({ db }) => db("provider_search").where({ provider_id: extra }).count<{ count: string }[]>("* as count"));
    expect(Number(rows[0]?.count)).toBe(0);
  });

  it("never returns another tenant's doctors", async () => {
    expect(await slugs({ q: "Zara Khan" })).toEqual([]);
    expect((await slugs({ specialty: "cardiology", page_size: "50" })).includes("zara-cardio")).toBe(false);
    await expect(platform.search.discovery(discoveryTenant(a)).getDoctor("zara-cardio")).rejects.toMatchObject({ code: "not_found" });
    expect(await slugs({ q: "cardiology" }, b)).toEqual(["zara-cardio"]);
  });

  it("rejects bad parameters with field details", async () => {
    const bad = async (p: Record<string, unknown>, field: string) => {
      const err = await search(p).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: "validation_failed" });
      expect((err as { details: { field: string }[] }).details.map((d) => d.field)).toContain(field);
    };
    await bad({ sort: "distance" }, "near");
    await bad({ page: "0" }, "page");
    await bad({ page_size: "51" }, "page_size");
    await bad({ fee_min: "900", fee_max: "100" }, "fee_max");
    await bad({ fee_min: "abc" }, "fee_min");
    await bad({ gender: "x" }, "gender");
    await bad({ q: "x".repeat(101) }, "q");
    await bad({ sort: "cheapest" }, "sort");
    const ok = await search({ q: "  ", city: "", page: "" });
    expect(ok.query).toMatchObject({ q: "", city: null, page: 1, pageSize: 10 });
  });

  it("shows a published doctor's profile with clinic details", async () => {
    const d = await platform.search.discovery(discoveryTenant(a)).getDoctor("asha-rao");
    expect(d).toMatchObject({ slug: "asha-rao", registration: { number: "REG-asha-rao", council: "Karnataka Medical Council" }, conditions: ["hypertension"] });
    expect(d.clinicDetails).toHaveLength(1);
    expect(d.clinicDetails[0]).toMatchObject({ name: "Indiranagar Clinic", timeZone: "Asia/Kolkata", latitude: 12.9719 });
    expect(ids["asha-rao"]).toBe(d.id);
  });

  it("offers facets only from published doctors", async () => {
    const f = await platform.search.discovery(discoveryTenant(a)).facets();
    expect(f.specialties.map((s) => s.slug)).toEqual(["cardiology", "dermatology", "pediatrics"]);
    expect(f.cities).toEqual([
      { name: "Bengaluru", localities: ["Indiranagar", "Koramangala", "Whitefield"] },
      { name: "Mumbai", localities: ["Andheri"] },
    ]);
    expect(f.languages).toEqual(["English", "Hindi", "Kannada", "Tamil"]);
  });

  it("serves a published doctor's photo from storage, and nothing for others", async () => {
    const key = `test/${a.slug}/photo.png`;
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const stored = new Map([[key, { bytes, contentType: "image/png" }]]);
    const { createSearchServices } = await import("./index.js");
    const svc = createSearchServices({ db: platform.db, withTenant: platform.withTenant, storage: { get: async (k) => stored.get(k) ?? null, put: async () => undefined, delete: async () => undefined } });
    await seedDoctors(platform, a, [
      { slug: "photo-doc", name: "Pia Sen", specialties: ["orthopedics"], clinics: ["andheri"], photoKey: key },
      { slug: "hidden-photo", name: "Hari Sen", specialties: ["orthopedics"], clinics: ["andheri"], photoKey: key, published: false },
    ]);
    const d = svc.discovery(discoveryTenant(a));
    expect(await d.doctorPhoto("photo-doc")).toEqual({ bytes, contentType: "image/png" });
    expect((await d.getDoctor("photo-doc")).photoUrl).toBe("/doctors/photo-doc/photo");
    await expect(d.doctorPhoto("hidden-photo")).rejects.toMatchObject({ code: "not_found" });
    await expect(d.doctorPhoto("asha-rao")).rejects.toMatchObject({ code: "not_found" });
    await expect(svc.discovery(discoveryTenant(b)).doctorPhoto("photo-doc")).rejects.toMatchObject({ code: "not_found" });
  });
});
