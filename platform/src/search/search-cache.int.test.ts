import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Platform, Tenant } from "../index.js";
import { discoveryTenant, seedDoctors, setPublication } from "./test-fixtures.js";

// Two platforms on one database stand for two app processes: `reader` serves patients
// (and listens for changes), `writer` is where an admin unpublishes.
let reader: Platform;
let writer: Platform;
let t: Tenant;
let ids: Record<string, string>;
const names = async () => (await reader.search.discovery(discoveryTenant(t)).search({ q: "cardiology" })).items.map((i) => i.slug).sort();

beforeAll(async () => {
  reader = await createTestPlatform();
  writer = await createTestPlatform();
  t = await createTestTenant(createProvisioningService(writer));
  ids = await seedDoctors(writer, t, [
    { slug: "asha-rao", name: "Asha Rao", specialties: ["cardiology"], clinics: ["indiranagar"] },
    { slug: "vikram-shah", name: "Vikram Shah", specialties: ["cardiology"], clinics: ["whitefield"] },
  ]);
  await reader.search.listen(process.env.VISITNOW_TEST_DATABASE_URL as string, { warn: () => undefined });
});

afterAll(async () => {
  await reader?.close();
  await writer?.close();
});

async function eventually(check: () => Promise<void>, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe("search cache across processes", () => {
  it("serves repeated searches from the cache, and drops them when another process unpublishes a doctor", async () => {
    expect(await names()).toEqual(["asha-rao", "vikram-shah"]);
    const before = reader.search.cacheStats().hits;
    expect(await names()).toEqual(["asha-rao", "vikram-shah"]);
    expect(reader.search.cacheStats().hits).toBe(before + 1);

    await setPublication(writer, t, ids["vikram-shah"] as string, { published: false });
    // The NOTIFY is delivered at commit; the reader drops its answer within milliseconds.
    await eventually(async () => expect(await names()).toEqual(["asha-rao"]));
  });

  it("hides an unpublished doctor at once in the process that unpublished", async () => {
    const local = async () => (await writer.search.discovery(discoveryTenant(t)).search({ q: "cardiology" })).items.map((i) => i.slug).sort();
    expect(await local()).toEqual(["asha-rao"]);
    await setPublication(writer, t, ids["asha-rao"] as string, { published: false });
    expect(await local()).toEqual([]);
  });
});
