/**
 * The doctor pages over HTTP, across tenants and roles: an admin's review page and document
 * downloads, and the public profile and photo, reach only the records of the host's own
 * tenant and only the roles that may see them.
 */
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant, randomSlug } from "@visitnow/provisioning/testing";
import { REPO_ROOT } from "../config/index.js";
import { totpAt, type Platform, type Tenant } from "../index.js";
import type { Actor } from "../access/index.js";
import type { UploadedFile } from "../context.js";
import { composeAppDeps } from "../server/compose.js";
import { createApp } from "./create-app.js";
import { loadRemixBuilds, remixBuildsExist } from "./remix-apps.js";

const TOTP = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const PDF = new TextEncoder().encode("%PDF-1.4\n% routes test\ntrailer << >>\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const built = remixBuildsExist(REPO_ROOT);

interface Side {
  t: Tenant;
  host: string;
  adminToken: string;
  deskToken: string;
  providerId: string;
  slug: string;
  name: string;
  documentId: string;
  draftSlug: string;
}

let platform: Platform;
let app: ReturnType<typeof createApp>;
let a: Side;
let b: Side;

async function side(provisioning: ReturnType<typeof createProvisioningService>, tag: string): Promise<Side> {
  const t = await createTestTenant(provisioning, { slug: randomSlug(tag) });
  const host = `${t.slug}.test`;
  const ref = { ...t, name: t.name, primaryHost: host };
  const pw = "routes-password-1";
  const adminId = await platform.identity.createUser(t, { kind: "staff", email: `admin@${host}`, name: "Admin", password: pw, roles: [{ role: "tenant_admin" }], totpSecret: TOTP });
  await platform.identity.createUser(t, { kind: "staff", email: `desk@${host}`, name: "Desk", password: pw, roles: [{ role: "front_desk" }] });
  const ctx = { tenant: ref, ip: `10.8.${Math.floor(Math.random() * 250)}.1` };
  const pending = await platform.identity.signInWithPassword(ctx, "staff", { email: `admin@${host}`, password: pw });
  const adminToken = (await platform.identity.verifySecondFactor(ctx, pending.token, { code: totpAt(TOTP, Date.now()) })).token;
  const deskToken = (await platform.identity.signInWithPassword(ctx, "staff", { email: `desk@${host}`, password: pw })).token;

  const actor: Actor = { userId: adminId, tenantId: t.id, kind: "staff", roles: ["tenant_admin"], clinicIds: [] };
  const admin = platform.providers.admin(ref, actor);
  const { id: specialtyId } = await admin.saveSpecialty({ name: "Dermatology", synonyms: "skin doctor" });
  const name = `Dr ${tag.toUpperCase()} ${randomSlug("n").slice(2)}`;
  const files: UploadedFile[] = [
    { field: "photo", filename: "me.png", contentType: "image/png", bytes: PNG },
    ...["registration_certificate", "degree_certificate", "id_proof"].map((k) => ({ field: `doc_${k}`, filename: `${k}.pdf`, contentType: "application/pdf", bytes: PDF })),
  ];
  const base = { gender: "female", registrationCouncil: "Karnataka Medical Council", qualifications: "MBBS", yearsExperience: "5", languages: "English", feeRupees: "500", modes: "in_clinic", specialtyIds: specialtyId };
  const { id } = await admin.createProvider({ ...base, name, email: `doc@${host}`, registrationNumber: `KMC-${randomSlug("r").slice(2)}` }, files);
  const detail = await admin.getProvider(id);
  for (const item of detail.checklist) if (item.document) await admin.setDocumentStatus(id, item.document.id, "accepted");
  await admin.approve(id);
  await admin.publish(id);
  const draft = await admin.createProvider({ ...base, name: `${name} Draft`, email: `draft@${host}`, registrationNumber: `KMC-${randomSlug("r").slice(2)}` }, []);
  return {
    t,
    host,
    adminToken,
    deskToken,
    providerId: id,
    slug: detail.slug,
    name,
    documentId: detail.checklist.find((c) => c.kind === "registration_certificate")!.document!.id,
    draftSlug: (await admin.getProvider(draft.id)).slug,
  };
}

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  a = await side(provisioning, "alpha");
  b = await side(provisioning, "bravo");
  app = createApp({
    ...composeAppDeps(platform, provisioning, { platformHost: "platform.test" }),
    readiness: async () => ({ database: "ok" }),
    remix: built ? await loadRemixBuilds(REPO_ROOT) : null,
  });
});

afterAll(async () => {
  await platform?.close();
});

const get = (host: string, path: string, token: string | null = null) => {
  const r = request(app).get(path).set("Host", host);
  return token ? r.set("Cookie", `vn_session=${token}`) : r;
};

describe.skipIf(!built)("doctor pages across tenants and roles", () => {
  it("shows an admin their own tenant's applicant, and not_found for another tenant's id", async () => {
    const own = await get(a.host, `/admin/doctors/${a.providerId}`, a.adminToken);
    expect(own.status).toBe(200);
    expect(own.text).toContain(a.name);
    const foreign = await get(a.host, `/admin/doctors/${b.providerId}`, a.adminToken);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(b.name);
  });

  it("serves a document only to the admin of its tenant, as a private, non-sniffable attachment", async () => {
    const path = `/admin/doctors/${a.providerId}/documents/${a.documentId}`;
    const own = await get(a.host, path, a.adminToken).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => cb(null, Buffer.concat(chunks)));
    });
    expect(own.status).toBe(200);
    expect(Buffer.from(own.body as Buffer).equals(Buffer.from(PDF))).toBe(true);
    expect(own.headers["content-type"]).toMatch(/^application\/pdf/);
    expect(own.headers["content-disposition"]).toMatch(/^attachment;/);
    expect(own.headers["cache-control"]).toMatch(/no-store/);
    expect(own.headers["x-content-type-options"]).toBe("nosniff");

    // Another tenant's document id, on this tenant's host, with this tenant's admin.
    expect((await get(a.host, `/admin/doctors/${b.providerId}/documents/${b.documentId}`, a.adminToken)).status).toBe(404);
    // This tenant's document with a front-desk session, anonymously, or with the admin's cookie on another host.
    expect((await get(a.host, path, a.deskToken)).status).not.toBe(200);
    const anonymous = await get(a.host, path);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toMatch(/sign-in/);
    expect((await get(b.host, path, a.adminToken)).status).not.toBe(200);
  });

  it("keeps the review page from roles that may not review", async () => {
    const res = await get(a.host, `/admin/doctors/${a.providerId}`, a.deskToken);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain(a.name);
  });

  it("publishes only published doctors of the host's own tenant, with their photo", async () => {
    const own = await get(a.host, `/doctors/${a.slug}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain(a.name);
    expect((await get(a.host, `/doctors/${a.draftSlug}`)).status).toBe(404);
    const foreign = await get(a.host, `/doctors/${b.slug}`);
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain(b.name);
    const photo = await get(a.host, `/doctors/${a.slug}/photo`);
    expect(photo.status).toBe(200);
    expect(photo.headers["content-type"]).toMatch(/^image\/png/);
    expect(photo.headers["x-content-type-options"]).toBe("nosniff");
    expect((await get(a.host, `/doctors/${b.slug}/photo`)).status).toBe(404);
  });

  it("answers the search API with this tenant's doctors only", async () => {
    const res = await get(a.host, `/api/v1/doctors?q=${encodeURIComponent("dermatolgist")}`).set("Accept", "application/json");
    expect(res.status).toBe(200);
    const names = (res.body.items as { name: string }[]).map((i) => i.name);
    expect(names).toContain(a.name);
    expect(names).not.toContain(b.name);
    expect(names.some((n) => n.includes("Draft"))).toBe(false);
  });

  it("sends pages compressed, carrying only the messages of their own app", async () => {
    const res = await get(a.host, "/search?q=skin").set("Accept-Encoding", "gzip");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    // Keys appear as JSON strings in the page's data: `"patient.search.title"`.
    expect(res.text).toContain('"patient.search.');
    for (const other of ['"admin.', '"doctor.', '"console.']) expect(res.text).not.toContain(other);
  });
});
