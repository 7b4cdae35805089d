import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProvisioningService, createTestPlatform, createTestTenant } from "@visitnow/provisioning/testing";
import type { Actor } from "../access/index.js";
import type { UploadedFile } from "../context.js";
import { MemoryRateLimiter } from "../identity/index.js";
import type { Platform, Tenant } from "../index.js";
import { LocalDiskStorage, type FileStorage } from "../storage/index.js";
import { createProviderServices, type ProviderServices, type ProviderTenant } from "./index.js";

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const HTML = new TextEncoder().encode("<!doctype html><html><script>alert(document.cookie)</script></html>");
const REQUIRED = ["registration_certificate", "degree_certificate", "id_proof"];

const doc = (kind: string, bytes = PDF, filename = `${kind}.pdf`, contentType = "application/pdf"): UploadedFile => ({ field: `doc_${kind}`, filename, contentType, bytes });
const photo = (bytes = PNG): UploadedFile => ({ field: "photo", filename: "me.png", contentType: "image/png", bytes });

let platform: Platform;
let uploadsDir: string;
let storage: FileStorage;
/** When set, the n-th put from now fails (to test clean-up after a half-done write). */
let failNthPut: number | null = null;
let kicks: string[] = [];
let services: ProviderServices;
let hospital: ProviderTenant;
let other: ProviderTenant;
let market: ProviderTenant;
let admin: Actor;
let admin2: Actor;
let marketAdmin: Actor;
let frontDesk: Actor;
let specialtyId: string;
let clinicId: string;
let regSeq = 0;

function ref(t: Tenant): ProviderTenant {
  return { ...t, primaryHost: `${t.slug}.test` };
}

async function staff(t: Tenant, role: "tenant_admin" | "front_desk", name: string): Promise<Actor> {
  const id = await platform.identity.createUser(t, { kind: "staff", email: `${role}.${t.slug}@example.test`, name, password: "a-long-password-1", roles: [{ role }] });
  return { userId: id, tenantId: t.id, kind: "staff", roles: [role], clinicIds: [] };
}

function form(over: Record<string, unknown> = {}): Record<string, unknown> {
  regSeq += 1;
  return {
    name: "Dr. Asha Verma",
    gender: "female",
    email: `asha${regSeq}@example.test`,
    registrationNumber: `DMC-${Date.now() % 100000}-${regSeq}`,
    registrationCouncil: "Delhi Medical Council",
    qualifications: "MBBS, MD (Dermatology)",
    yearsExperience: "12",
    languages: "English, Hindi",
    feeRupees: "800",
    modes: ["in_clinic", "video"],
    bio: "Skin and hair specialist.",
    conditions: "acne\neczema",
    specialtyIds: [specialtyId],
    primarySpecialtyId: specialtyId,
    clinicIds: clinicId,
    ...over,
  };
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

async function providerCount(t: ProviderTenant): Promise<number> {
  return platform.withTenant(t, async ({ db }) => Number((await db("providers").count("* as n"))[0]!.n));
}

async function auditActions(t: ProviderTenant, subjectId: string): Promise<string[]> {
  return platform.withTenant(t, ({ db }) => db("audit_log").where({ subject_id: subjectId }).orderBy("id").pluck("action"));
}

async function timeline(t: ProviderTenant, providerId: string): Promise<string[]> {
  return platform.withTenant(t, ({ db }) => db("provider_review_events").where({ provider_id: providerId }).orderBy("id").pluck("kind"));
}

async function latestMessage(t: ProviderTenant, recipient: string) {
  const [m] = await platform.devMessages.list({ tenantSlug: t.slug, recipient, limit: 1 });
  return m!;
}

function tokenFrom(body: string): string {
  const m = /\/join\/([A-Za-z0-9_-]+)/.exec(body);
  if (!m) throw new Error(`no link in ${body}`);
  return m[1]!;
}

/** An applicant with all required documents, through the public form; returns the provider id. */
async function applyFully(t: ProviderTenant = hospital, over: Record<string, unknown> = {}): Promise<{ id: string; email: string; reference: string }> {
  const f = form(over);
  const { reference } = await services.applications(t).apply(f, [photo(), ...REQUIRED.map((k) => doc(k))]);
  const id = await platform.withTenant(t, async ({ db }) => (await db("providers").where({ email: f.email }).first("id")).id as string);
  return { id, email: f.email as string, reference };
}

async function acceptAll(t: ProviderTenant, actor: Actor, id: string): Promise<void> {
  const detail = await services.admin(t, actor).getProvider(id);
  for (const item of detail.checklist) if (item.document) await services.admin(t, actor).setDocumentStatus(id, item.document.id, "accepted");
}

async function approvedAndPublished(t: ProviderTenant = hospital, actor: Actor = admin): Promise<string> {
  const { id } = await applyFully(t, t === hospital ? {} : await catalogueFor(t, actor));
  await acceptAll(t, actor, id);
  await services.admin(t, actor).approve(id);
  await services.admin(t, actor).publish(id);
  return id;
}

const catalogues = new Map<string, { specialtyIds: string[]; primarySpecialtyId: string; clinicIds: string[] }>();
async function catalogueFor(t: ProviderTenant, actor: Actor) {
  if (!catalogues.has(t.id)) {
    const s = await services.admin(t, actor).saveSpecialty({ name: "Cardiology", synonyms: "heart doctor" });
    catalogues.set(t.id, { specialtyIds: [s.id], primarySpecialtyId: s.id, clinicIds: [] });
  }
  return catalogues.get(t.id)!;
}

beforeAll(async () => {
  platform = await createTestPlatform();
  const provisioning = createProvisioningService(platform);
  const [h, o, m] = await Promise.all([createTestTenant(provisioning), createTestTenant(provisioning), createTestTenant(provisioning, { kind: "marketplace" })]);
  hospital = ref(h);
  other = ref(o);
  market = ref(m);
  admin = await staff(h, "tenant_admin", "Meera Admin");
  frontDesk = await staff(h, "front_desk", "Ravi Desk");
  admin2 = await staff(o, "tenant_admin", "Other Admin");
  marketAdmin = await staff(m, "tenant_admin", "Market Admin");
  uploadsDir = await mkdtemp(path.join(os.tmpdir(), "vn-providers-"));
  const disk = new LocalDiskStorage(uploadsDir);
  storage = {
    put: async (key, bytes, type) => {
      if (failNthPut !== null && --failNthPut === 0) {
        failNthPut = null;
        throw new Error("disk full");
      }
      return disk.put(key, bytes, type);
    },
    get: (key) => disk.get(key),
    delete: (key) => disk.delete(key),
  };
  services = createProviderServices({
    db: platform.db,
    withTenant: platform.withTenant,
    storage,
    messages: platform.devMessages,
    linkBase: platform.linkBase,
    indexer: platform.search.indexer,
    directoryChanged: (t) => void kicks.push(t.slug),
    rateLimiter: new MemoryRateLimiter(),
  });
  specialtyId = (await services.admin(hospital, admin).saveSpecialty({ name: "Dermatology", synonyms: "Skin Doctor, skin doctor\nDERMATOLOGIST" })).id;
  clinicId = (await services.admin(hospital, admin).saveClinic({ name: "Sunrise Clinic", addressLine: "12 MG Road", locality: "Indiranagar", city: "Bengaluru", state: "Karnataka", postcode: "560038", latitude: "12.97", longitude: "77.64", timeZone: "Asia/Kolkata", facilities: "Pharmacy, Lab", openingHours_mon: "14:00-18:00, 09:00-13:00" })).id;
});

afterAll(async () => {
  await platform?.close();
  if (uploadsDir) await rm(uploadsDir, { recursive: true, force: true });
});

describe("provider onboarding workflow", () => {
  it("takes an applicant from the public form through changes, review and approval to published and back", async () => {
    const apps = services.applications(hospital);
    const { id, email, reference } = await applyFully();
    expect(reference).toMatch(/^APP-[0-9A-Z]{6}$/);
    const ack = await latestMessage(hospital, email);
    expect(ack.channel).toBe("email");
    expect(ack.body).toContain(reference);
    expect(ack.body).toContain(`http://${hospital.primaryHost}:`);
    const a = services.admin(hospital, admin);

    const list = await a.listProviders({ status: "submitted", q: "asha" });
    expect(list.items.map((i) => i.id)).toContain(id);
    expect(list.counts.submitted).toBeGreaterThanOrEqual(1);
    expect((await a.listProviders({ q: "no-such-doctor-zz" })).total).toBe(0);

    await a.assignReviewer(id, admin.userId);
    expect((await a.getProvider(id)).status).toBe("in_review");

    await a.requestChanges(id, "Please upload a clearer photo ID.");
    const mail = await latestMessage(hospital, email);
    expect(mail.body).toContain("Please upload a clearer photo ID.");
    expect(mail.body).toContain(`${platform.linkBase(hospital.primaryHost)}/join/`);
    const token = tokenFrom(mail.body);
    const view = await apps.describeApplication(token);
    expect(view).toMatchObject({ reference, status: "changes_requested", changesRequested: "Please upload a clearer photo ID." });
    expect(view.documents.find((d) => d.kind === "id_proof")?.status).toBe("uploaded");
    await expect(apps.describeApplication("not-a-real-token")).rejects.toMatchObject({ code: "not_found" });

    await apps.resubmitApplication(token, { ...form(), email, registrationNumber: view.profile.registrationNumber, name: "Dr. Asha Verma" }, [doc("id_proof", PNG, "id.png", "image/png")]);
    expect((await apps.describeApplication(token)).status).toBe("submitted");
    await expect(apps.resubmitApplication(token, form({ email }), [])).rejects.toMatchObject({ code: "conflict" });

    await acceptAll(hospital, admin, id);
    const before = await a.getProvider(id);
    expect(before.allowed).toMatchObject({ approve: true, publish: false });
    expect(before.checklist.find((c) => c.kind === "id_proof")?.document?.contentType).toBe("image/png");
    await a.approve(id, "All documents verified.");
    expect((await a.getProvider(id)).allowed).toMatchObject({ approve: false, publish: true });

    await a.publish(id);
    const published = await a.getProvider(id);
    expect(published).toMatchObject({ status: "approved", published: true, hasPhoto: true });
    expect(published.allowed).toMatchObject({ publish: false, unpublish: true, listOnMarketplace: true });
    expect(await platform.withTenant(hospital, ({ db }) => db("provider_search").where({ provider_id: id }).first())).toBeTruthy();

    await a.unpublish(id);
    expect(await platform.withTenant(hospital, ({ db }) => db("provider_search").where({ provider_id: id }).first())).toBeUndefined();

    expect(await timeline(hospital, id)).toEqual([
      "applied", "reviewer_assigned", "changes_requested", "resubmitted",
      "document_accepted", "document_accepted", "document_accepted",
      "approved", "published", "unpublished",
    ]);
    const audit = await auditActions(hospital, id);
    expect(audit).toEqual(["provider.applied", "provider.reviewer_assigned", "provider.changes_requested", "provider.resubmitted", "provider.approved", "provider.published", "provider.unpublished"]);
    const docAudit = await platform.withTenant(hospital, ({ db }) => db("audit_log").where({ action: "provider.document_reviewed" }).whereIn("subject_id", db("provider_documents").where({ provider_id: id }).select(db.raw("id::text"))).count("* as n"));
    expect(Number(docAudit[0]!.n)).toBe(3);
  });

  it("refuses approval while a required document is missing or not yet accepted, naming it", async () => {
    const a = services.admin(hospital, admin);
    const { id } = await a.createProvider(form(), [doc("registration_certificate"), doc("degree_certificate")]);
    await expect(a.approve(id)).rejects.toMatchObject({ code: "conflict", details: { missing: expect.arrayContaining(["registration_certificate", "degree_certificate", "id_proof"]) } });
    await acceptAll(hospital, admin, id);
    await expect(a.approve(id)).rejects.toMatchObject({ code: "conflict", details: { missing: ["id_proof"] }, message: expect.stringContaining("Government photo ID") });
    await a.uploadDocuments(id, [doc("id_proof")]);
    const idDoc = (await a.getProvider(id)).checklist.find((c) => c.kind === "id_proof")!.document!;
    await a.setDocumentStatus(id, idDoc.id, "rejected", "Expired card");
    await expect(a.approve(id)).rejects.toMatchObject({ code: "conflict", details: { missing: ["id_proof"] } });
    await a.uploadDocuments(id, [doc("id_proof", PNG, "new-id.png", "image/png")]);
    await acceptAll(hospital, admin, id);
    await a.approve(id);
    expect((await a.getProvider(id)).status).toBe("approved");
    expect(await timeline(hospital, id)).toContain("document_rejected");
  });

  it("publishes only approved doctors, in the service and in the database", async () => {
    const a = services.admin(hospital, admin);
    const { id } = await applyFully();
    await expect(a.publish(id)).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/approved/) });
    await expect(platform.withTenant(hospital, ({ db }) => db("providers").where({ id }).update({ published: true }))).rejects.toMatchObject({ details: { constraint: "providers_published_only_when_approved" } });
    expect((await a.getProvider(id)).published).toBe(false);
  });

  it("refuses steps that do not follow from the current status", async () => {
    const a = services.admin(hospital, admin);
    const { id } = await applyFully();
    await expect(a.unpublish(id)).rejects.toMatchObject({ code: "conflict" });
    await a.reject(id, "Registration could not be verified with the council.");
    const rejected = await a.getProvider(id);
    expect(rejected.decisionReason).toBe("Registration could not be verified with the council.");
    // The applicant is told why.
    const told = await latestMessage(hospital, rejected.profile.email as string);
    expect(told.subject).toMatch(/your application/);
    expect(told.body).toContain("Registration could not be verified with the council.");
    await expect(a.approve(id)).rejects.toMatchObject({ code: "conflict" });
    await expect(a.reject(id, "again")).rejects.toMatchObject({ code: "conflict" });
    await expect(a.requestChanges(id, "fix")).rejects.toMatchObject({ code: "conflict" });
    await expect(a.publish(id)).rejects.toMatchObject({ code: "conflict" });
    await expect(a.reject(id, "  ")).rejects.toMatchObject({ code: "validation_failed" });
    const published = await approvedAndPublished();
    await expect(a.publish(published)).rejects.toMatchObject({ code: "conflict" });
    await expect(a.requestChanges(published, "more")).rejects.toMatchObject({ code: "conflict" });
    const { id: fresh } = await applyFully();
    await expect(a.requestChanges(fresh, "")).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "message" }] });
  });

  it("lets a front-desk user read providers but not approve, publish, edit or download documents", async () => {
    const { id } = await applyFully();
    await acceptAll(hospital, admin, id);
    const fd = services.admin(hospital, frontDesk);
    const detail = await fd.getProvider(id);
    expect(detail.allowed).toEqual({ review: false, approve: false, publish: false, unpublish: false, listOnMarketplace: false });
    expect(detail.checklist.every((c) => c.document === null)).toBe(true);
    await expect(fd.approve(id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(fd.reject(id, "no")).rejects.toMatchObject({ code: "forbidden" });
    await expect(fd.updateProvider(id, form())).rejects.toMatchObject({ code: "forbidden" });
    const docId = (await services.admin(hospital, admin).getProvider(id)).checklist[0]!.document!.id;
    await expect(fd.downloadDocument(id, docId)).rejects.toMatchObject({ code: "not_found" });
    await services.admin(hospital, admin).approve(id);
    await expect(fd.publish(id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(fd.createProvider(form(), [])).rejects.toMatchObject({ code: "forbidden" });
    await expect(fd.saveSpecialty({ name: "Front Desk Specialty" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await fd.listProviders({})).total).toBeGreaterThan(0);
  });

  it("shows another tenant's admin nothing of this tenant's providers or documents", async () => {
    const { id } = await applyFully();
    const docId = (await services.admin(hospital, admin).getProvider(id)).checklist[0]!.document!.id;
    const theirs = services.admin(other, admin2);
    await expect(theirs.getProvider(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(theirs.approve(id)).rejects.toMatchObject({ code: "not_found" });
    await expect(theirs.downloadDocument(id, docId)).rejects.toMatchObject({ code: "not_found" });
    expect((await theirs.listProviders({})).items.map((i) => i.id)).not.toContain(id);
    // An actor of another tenant handed this tenant's facade still gets nothing.
    await expect(services.admin(hospital, admin2).getProvider(id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("returns the stored bytes of a document, with its name and sniffed type", async () => {
    const a = services.admin(hospital, admin);
    const { id } = await a.createProvider(form(), [doc("degree_certificate", PNG, "../../Degree Scan.PDF", "application/pdf")]);
    const d = (await a.getProvider(id)).checklist.find((c) => c.kind === "degree_certificate")!.document!;
    expect(d).toMatchObject({ originalName: "Degree Scan.PDF", contentType: "image/png", sizeBytes: PNG.byteLength, status: "uploaded" });
    const file = await a.downloadDocument(id, d.id);
    expect(Buffer.from(file.bytes).equals(Buffer.from(PNG))).toBe(true);
    expect(file).toMatchObject({ contentType: "image/png", filename: "Degree Scan.PDF" });
    const sha = await platform.withTenant(hospital, ({ db }) => db("provider_documents").where({ id: d.id }).first("sha256", "storage_key"));
    expect(sha.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sha.storage_key).toMatch(new RegExp(`^${hospital.id}/providers/${id}/[0-9a-f-]{36}$`));
    await expect(a.downloadDocument(id, "7d1f4c1e-0000-4000-8000-000000000001")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("uploads", () => {
  it("refuses HTML bytes sent as a PDF and oversize photos, storing nothing", async () => {
    const beforeRows = await providerCount(hospital);
    const beforeFiles = (await allFiles(uploadsDir)).length;
    const apps = services.applications(hospital);
    await expect(apps.apply(form(), [doc("registration_certificate", HTML, "certificate.pdf", "application/pdf"), doc("id_proof")])).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ field: "doc_registration_certificate", message: expect.stringMatching(/PDF, PNG or JPEG/) }],
    });
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    await expect(apps.apply(form(), [photo(big), doc("id_proof")])).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "photo" }] });
    await expect(apps.apply(form(), [doc("passport")])).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "doc_passport" }] });
    expect(await providerCount(hospital)).toBe(beforeRows);
    expect((await allFiles(uploadsDir)).length).toBe(beforeFiles);
  });

  it("deletes files already written when a later step fails, leaving no rows", async () => {
    const beforeRows = await providerCount(hospital);
    const beforeFiles = (await allFiles(uploadsDir)).length;
    // The photo and the first document are written, the second document's put fails.
    failNthPut = 3;
    await expect(services.applications(hospital).apply(form(), [photo(), ...REQUIRED.map((k) => doc(k))])).rejects.toThrow("disk full");
    expect(failNthPut).toBeNull();
    expect(await providerCount(hospital)).toBe(beforeRows);
    expect((await allFiles(uploadsDir)).length).toBe(beforeFiles);
  });
});

describe("profile rules", () => {
  it("makes slugs unique and refuses a registration already on file", async () => {
    const a = services.admin(hospital, admin);
    const first = await a.createProvider(form({ name: "Dr. Kiran Rao" }), []);
    const second = await a.createProvider(form({ name: "Dr. Kiran Rao" }), []);
    const [s1, s2] = await Promise.all([a.getProvider(first.id), a.getProvider(second.id)]);
    expect(s1.slug).toBe("dr-kiran-rao");
    expect(s2.slug).toBe("dr-kiran-rao-2");
    const taken = s1.profile;
    await expect(a.createProvider(form({ registrationNumber: taken.registrationNumber.toLowerCase(), registrationCouncil: taken.registrationCouncil.toUpperCase() }), [])).rejects.toMatchObject({
      code: "validation_failed",
      details: [{ field: "registrationNumber" }],
    });
    await expect(a.createProvider(form({ specialtyIds: "7d1f4c1e-0000-4000-8000-000000000001", primarySpecialtyId: "" }), [])).rejects.toMatchObject({ details: [{ field: "specialtyIds" }] });
  });

  it("edits a published doctor's profile and refreshes their search row", async () => {
    const a = services.admin(hospital, admin);
    const id = await approvedAndPublished();
    const p = (await a.getProvider(id)).profile;
    await a.updateProvider(id, form({ name: "Dr. Asha Verma-Kapoor", registrationNumber: p.registrationNumber, email: p.email, feeRupees: "950.50" }));
    const after = await a.getProvider(id);
    expect(after.profile).toMatchObject({ name: "Dr. Asha Verma-Kapoor", fee: { amountMinor: 95050, currency: "INR" } });
    expect(after.status).toBe("approved");
    const row = await platform.withTenant(hospital, ({ db }) => db("provider_search").where({ provider_id: id }).first("name", "fee_minor"));
    expect(row).toMatchObject({ name: "Dr. Asha Verma-Kapoor", fee_minor: 95050 });
    expect(await auditActions(hospital, id)).toContain("provider.updated");
  });
});

describe("marketplace listing", () => {
  it("lists a published hospital doctor, refuses unpublished ones, and delists on unpublish", async () => {
    const a = services.admin(hospital, admin);
    const { id: draft } = await applyFully();
    await expect(a.setMarketplaceListing(draft, true)).rejects.toMatchObject({ code: "conflict" });
    const id = await approvedAndPublished();
    kicks = [];
    await a.setMarketplaceListing(id, true);
    expect((await a.getProvider(id)).marketplaceListed).toBe(true);
    expect(kicks).toEqual([hospital.slug]);
    await a.unpublish(id);
    const after = await a.getProvider(id);
    expect(after).toMatchObject({ published: false, marketplaceListed: false });
    expect(await auditActions(hospital, id)).toEqual(expect.arrayContaining(["provider.marketplace_listed", "provider.unpublished"]));
  });

  it("refuses listing on the marketplace tenant itself", async () => {
    const id = await approvedAndPublished(market, marketAdmin);
    await expect(services.admin(market, marketAdmin).setMarketplaceListing(id, true)).rejects.toMatchObject({ code: "conflict" });
    expect((await services.admin(market, marketAdmin).getProvider(id)).allowed.listOnMarketplace).toBe(false);
  });
});

describe("clinics, specialties and the checklist", () => {
  it("refuses a clinic with an invalid zone or overlapping hours and keeps hours sorted", async () => {
    const a = services.admin(hospital, admin);
    const base = { name: "Lakeside Clinic", addressLine: "4 Lake Road", locality: "Salt Lake", city: "Kolkata", timeZone: "Asia/Kolkata" };
    await expect(a.saveClinic({ ...base, timeZone: "Asia/Bangalore" })).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "timeZone" }] });
    await expect(a.saveClinic({ ...base, openingHours_tue: "09:00-12:00, 11:00-13:00" })).rejects.toMatchObject({ details: [{ field: "openingHours_tue" }] });
    const { id } = await a.saveClinic({ ...base, openingHours_sat: "16:00-20:00, 08:00-12:00" });
    const c = await a.getClinic(id);
    expect(c).toMatchObject({ slug: "lakeside-clinic", openingHours: { sat: [["08:00", "12:00"], ["16:00", "20:00"]] } });
    await a.saveClinic({ ...base, id, city: "Kolkata", locality: "New Town" });
    expect((await a.getClinic(id)).locality).toBe("New Town");
    expect(await auditActions(hospital, id)).toEqual(["clinic.saved", "clinic.saved"]);
    await expect(services.admin(other, admin2).getClinic(id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("normalises synonyms and refuses a second specialty with the same name", async () => {
    const a = services.admin(hospital, admin);
    const derm = (await a.listSpecialties()).find((s) => s.id === specialtyId)!;
    expect(derm).toMatchObject({ slug: "dermatology", synonyms: ["skin doctor", "dermatologist"] });
    await expect(a.saveSpecialty({ name: "DERMATOLOGY" })).rejects.toMatchObject({ code: "validation_failed", details: [{ field: "name" }] });
    await a.saveSpecialty({ id: specialtyId, name: "Dermatology", synonyms: "skin doctor, hair doctor" });
    expect((await a.listSpecialties()).find((s) => s.id === specialtyId)).toMatchObject({ slug: "dermatology", synonyms: ["skin doctor", "hair doctor"] });
  });

  it("lets the admin extend the checklist, and the public form offers it", async () => {
    const a = services.admin(hospital, admin);
    await a.saveDocumentRequirement({ label: "Indemnity insurance", required: "on" });
    expect((await a.listDocumentRequirements()).at(-1)).toEqual({ kind: "indemnity_insurance", label: "Indemnity insurance", required: true });
    const f = await services.applications(hospital).applicationForm();
    expect(f.documents.map((d) => d.kind)).toContain("indemnity_insurance");
    expect(f.specialties.map((s) => s.id)).toContain(specialtyId);
    await expect(services.admin(hospital, frontDesk).saveDocumentRequirement({ label: "Anything" })).rejects.toMatchObject({ code: "not_found" });
    await a.saveDocumentRequirement({ kind: "indemnity_insurance", label: "Indemnity insurance", required: "" });
  });
});

describe("importDirectory", () => {
  const seed = (n: number, prefix: string) => ({
    specialties: [
      { slug: "cardiology", name: "Cardiology", synonyms: ["Heart Doctor"] },
      { slug: "paediatrics", name: "Paediatrics", synonyms: ["child doctor"] },
    ],
    clinics: [{ slug: "city-heart", name: "City Heart Clinic", addressLine: "1 Park St", locality: "Park Street", city: "Kolkata", state: "West Bengal", postcode: "700016", latitude: 22.55, longitude: 88.35, timeZone: "Asia/Kolkata", phone: "+913322222222", facilities: ["ECG"], openingHours: { mon: [["09:00", "17:00"]] as [string, string][] } }],
    doctors: Array.from({ length: n }, (_, i) => ({
      slug: `${prefix}-dr-${i}`,
      name: `Dr. Import ${i}`,
      gender: (i % 2 ? "female" : "male") as "female" | "male",
      email: `${prefix}${i}@example.test`,
      registrationNumber: `${prefix.toUpperCase()}-${i}`,
      registrationCouncil: "West Bengal Medical Council",
      qualifications: ["MBBS"],
      yearsExperience: i % 40,
      languages: ["English", "Bengali"],
      feeMinor: 50000 + i,
      currency: "INR" as const,
      modes: ["in_clinic" as const],
      bio: "Imported.",
      conditions: ["hypertension"],
      specialtySlugs: [i % 2 ? "cardiology" : "paediatrics"],
      clinicSlugs: ["city-heart"],
      published: i % 3 !== 0,
      marketplaceListed: i % 3 === 1,
    })),
  });

  it("imports once: a second run adds nothing", async () => {
    const t = other;
    const progress: number[] = [];
    kicks = [];
    expect(await services.importDirectory(t, seed(5, "idem"), { onProgress: (d) => progress.push(d) })).toEqual({ doctors: 5 });
    expect(progress).toEqual([5]);
    expect(kicks).toEqual([t.slug]);
    expect(await services.importDirectory(t, seed(5, "idem"))).toEqual({ doctors: 0 });
    const rows = await platform.withTenant(t, ({ db }) => db("providers").where("slug", "like", "idem-%").orderBy("slug").select("slug", "status", "published", "marketplace_listed", "source"));
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.slug === "idem-dr-1")).toMatchObject({ status: "approved", published: true, marketplace_listed: true, source: "import" });
    expect(rows.find((r) => r.slug === "idem-dr-0")).toMatchObject({ status: "submitted", published: false, marketplace_listed: false });
    const specs = await services.admin(t, admin2).listSpecialties();
    expect(specs.find((s) => s.slug === "cardiology")?.synonyms).toEqual(["heart doctor"]);
    expect(await platform.withTenant(t, ({ db }) => db("provider_search").whereIn("slug", ["idem-dr-1", "idem-dr-2"]).pluck("slug"))).toHaveLength(2);
  });

  it("links a doctor's existing staff account to their imported provider, both ways", async () => {
    const t = other;
    const userId = await platform.identity.createUser(t, { kind: "staff", email: "linked.doctor@example.test", name: "Dr Linked", password: "a-long-password-1", roles: [{ role: "doctor" }] });
    const one = seed(1, "linked");
    one.doctors[0] = { ...one.doctors[0]!, published: true, userEmail: "Linked.Doctor@example.test" } as (typeof one.doctors)[number];
    expect(await services.importDirectory(t, one)).toEqual({ doctors: 1 });
    const provider = await platform.withTenant(t, ({ db }) => db("providers").where({ slug: "linked-dr-0" }).first("id", "user_id"));
    expect(provider.user_id).toBe(userId);
    const user = await platform.withTenant(t, ({ db }) => db("users").where({ id: userId }).first("provider_id"));
    expect(user.provider_id).toBe(provider.id);
  });

  it("imports 2,000 doctors in chunks of 200, reporting progress per chunk", async () => {
    let calls = 0;
    const r = await services.importDirectory(market, seed(2000, "bulk"), { onProgress: () => void calls++ });
    expect(r.doctors).toBe(2000);
    expect(calls).toBe(10);
    // The marketplace tenant lists nobody on itself.
    expect(await platform.withTenant(market, ({ db }) => db("providers").where({ marketplace_listed: true }).count("* as n"))).toEqual([{ n: "0" }]);
  }, 60_000);
});
