import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { discoveryTenant, seedDoctors, setPublication } from "../search/test-fixtures.js";
import { DirectoryEntryStore } from "./directory-store.js";

let platform: Platform;
let hospital: Tenant;
let marketplace: Tenant;
let ids: Record<string, string>;
const market = () => platform.search.discovery(discoveryTenant(marketplace));
const entry = (providerId: string) => platform.db("platform.directory_entries").where({ tenant_id: hospital.id, provider_id: providerId }).first();
const pendingEvents = () => platform.withTenant(hospital, ({ db }) => db("outbox").where({ topic: "directory.provider_changed" }).whereNull("dispatched_at").count<{ n: string }[]>("* as n")).then((r) => Number(r[0]?.n));

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  hospital = await createTestTenant(provisioning);
  marketplace = await createTestTenant(provisioning, { kind: "marketplace" });
  ids = await seedDoctors(
    platform,
    hospital,
    [
      { slug: "lata-menon", name: "Lata Menon", specialties: ["cardiology"], clinics: ["koramangala"], feeRupees: 700, listed: true, photoKey: "k/lata.png" },
      { slug: "kiran-joshi", name: "Kiran Joshi", specialties: ["cardiology"], clinics: ["koramangala"], feeRupees: 650, listed: false },
    ],
    { notifyDirectory: true },
  );
  await seedDoctors(platform, marketplace, [{ slug: "own-cardio", name: "Omkar Bhat", specialties: ["cardiology"], clinics: ["indiranagar"], feeRupees: 300 }]);
});

afterAll(async () => {
  await platform?.close();
});

describe("marketplace directory", () => {
  it("lists a hospital's listed doctor on the marketplace after a drain, linking to the hospital's domain", async () => {
    expect(await pendingEvents()).toBe(2);
    expect((await market().search({ q: "Lata Menon" })).items).toEqual([]);
    expect(await platform.directory.drain(hospital)).toBe(2);
    expect(await pendingEvents()).toBe(0);
    const r = await market().search({ q: "Lata Menon" });
    expect(r.items.map((i) => i.slug)).toEqual(["lata-menon"]);
    const base = platform.linkBase(`${hospital.slug}.test`);
    expect(r.items[0]).toMatchObject({
      url: `${base}/doctors/lata-menon`,
      photoUrl: `${base}/doctors/lata-menon/photo`,
      hospital: { slug: hospital.slug, name: hospital.name },
      specialties: [{ slug: "cardiology", name: "Cardiology" }],
      clinics: [{ name: "Koramangala Clinic", locality: "Koramangala", city: "Bengaluru" }],
    });
    expect(base).toMatch(/^https?:\/\//);
  });

  it("does not list a published doctor the hospital did not list", async () => {
    expect((await market().search({ q: "Kiran Joshi" })).items).toEqual([]);
    expect((await entry(ids["kiran-joshi"] as string))?.listed ?? false).toBe(false);
  });

  it("merges its own doctors with the directory's by the sort key, and keeps them off the hospital's own search", async () => {
    const r = await market().search({ specialty: "cardiology", sort: "fee_asc", page_size: "50" });
    const mine = r.items.filter((i) => i.slug === "own-cardio" || i.hospital?.slug === hospital.slug).map((i) => i.slug);
    expect(mine).toEqual(["own-cardio", "lata-menon"]);
    const fees = r.items.map((i) => i.fee.amountMinor);
    expect(fees).toEqual([...fees].sort((x, y) => x - y));
    expect(r.items.find((i) => i.slug === "own-cardio")).toMatchObject({ url: "/doctors/own-cardio", hospital: null });
    expect(r.total).toBeGreaterThanOrEqual(2);
    const hosp = await platform.search.discovery(discoveryTenant(hospital)).search({ q: "Omkar Bhat" });
    expect(hosp.items).toEqual([]);
    const facets = await market().facets();
    expect(facets.cities.map((c) => c.name)).toContain("Bengaluru");
    expect(facets.cities.find((c) => c.name === "Bengaluru")?.localities).toEqual(expect.arrayContaining(["Indiranagar", "Koramangala"]));
  });

  it("measures distance to directory doctors too", async () => {
    const r = await market().search({ q: "Lata Menon", sort: "distance", near: "Koramangala" });
    expect(r.items[0]?.distanceKm).toBe(0);
  });

  it("copies only public profile data into the platform schema", async () => {
    const row = await entry(ids["lata-menon"] as string);
    expect(JSON.stringify(row)).not.toMatch(/REG-|Karnataka Medical Council|k\/lata\.png/);
    expect(row).toMatchObject({ listed: true, tenant_slug: hospital.slug, slug: "lata-menon", has_photo: true });
  });

  it("removes a doctor from the marketplace when delisted or unpublished", async () => {
    await setPublication(platform, hospital, ids["lata-menon"] as string, { published: true, listed: false }, { notifyDirectory: true });
    expect(await platform.directory.drain(hospital)).toBe(1);
    expect((await market().search({ q: "Lata Menon" })).items).toEqual([]);
    expect((await entry(ids["lata-menon"] as string))?.listed).toBe(false);

    await setPublication(platform, hospital, ids["lata-menon"] as string, { published: true, listed: true }, { notifyDirectory: true });
    await platform.directory.drain(hospital);
    expect((await market().search({ q: "Lata Menon" })).items.map((i) => i.slug)).toEqual(["lata-menon"]);

    await setPublication(platform, hospital, ids["lata-menon"] as string, { published: false }, { notifyDirectory: true });
    await platform.directory.drain(hospital);
    expect((await market().search({ q: "Lata Menon" })).items).toEqual([]);
  });

  it("never lets an older event overwrite a newer one", async () => {
    const store = new DirectoryEntryStore(platform.db);
    const id = ids["kiran-joshi"] as string;
    const row = await platform.withTenant(hospital, ({ db }) => db("provider_search").where({ provider_id: id }).first());
    const copied = { ...row, search_vector: String(row.search_vector) };
    delete copied.provider_id;
    delete copied.updated_at;
    const t = { id: hospital.id, slug: hospital.slug, name: hospital.name };
    await store.apply(t, [{ providerId: id, sourceEventId: "1000000", listed: true, profileUrl: "http://new.example/doctors/kiran-joshi", row: copied }]);
    await store.apply(t, [{ providerId: id, sourceEventId: "999999", listed: false, profileUrl: "http://old.example", row: null }]);
    await store.apply(t, [{ providerId: id, sourceEventId: "999998", listed: true, profileUrl: "http://old.example/doctors/kiran-joshi", row: { ...copied, name: "Stale Name" } }]);
    expect(await entry(id)).toMatchObject({ listed: true, name: "Kiran Joshi", profile_url: "http://new.example/doctors/kiran-joshi", source_event_id: "1000000" });
    await store.apply(t, [{ providerId: id, sourceEventId: "1000001", listed: false, profileUrl: "http://new.example", row: null }]);
    expect(await entry(id)).toMatchObject({ listed: false, source_event_id: "1000001" });
  });

  it("keeps events pending (and counts the attempt) when the directory write fails", async () => {
    await setPublication(platform, hospital, ids["kiran-joshi"] as string, { published: true, listed: true }, { notifyDirectory: true });
    const original = DirectoryEntryStore.prototype.apply;
    DirectoryEntryStore.prototype.apply = async () => {
      throw new Error("platform database down");
    };
    try {
      await expect(platform.directory.drain(hospital)).rejects.toThrow("platform database down");
    } finally {
      DirectoryEntryStore.prototype.apply = original;
    }
    const attempts = await platform.withTenant(hospital, ({ db }) => db("outbox").where({ topic: "directory.provider_changed" }).whereNull("dispatched_at").pluck("attempts"));
    expect(attempts).toEqual([1]);
    expect(await platform.directory.drainAll()).toBeGreaterThanOrEqual(1);
    expect(await pendingEvents()).toBe(0);
  });

  it("drains soon after a kick, coalescing kicks for one tenant", async () => {
    const more = await seedDoctors(platform, hospital, [{ slug: "kick-doc", name: "Kavya Nair", specialties: ["dermatology"], clinics: ["whitefield"], listed: true }], { notifyDirectory: true });
    for (let i = 0; i < 5; i++) platform.directory.kick(hospital);
    const deadline = Date.now() + 5000;
    while ((await pendingEvents()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await pendingEvents()).toBe(0);
    expect((await entry(more["kick-doc"] as string))?.listed).toBe(true);
    expect((await market().search({ q: "Kavya Nair" })).items.map((i) => i.hospital?.slug)).toEqual([hospital.slug]);
  });
});
