import { expect, test, type Page } from "@playwright/test";
import { axeClean, uniqueSurname, url } from "./helpers";
import { totpAt } from "../../platform/src/identity/totp.js";

const DEMO_TOTP = "VISITNOWDEMOADMIN2FASECRETKEY234";

/** A minimal but real PDF: the platform decides the type from these bytes. */
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`) });

async function adminSignIn(page: Page, host: string) {
  await page.goto(url(host, "/admin/sign-in"));
  await page.getByLabel("Work email", { exact: true }).fill(`admin@${host}.example`);
  await page.getByLabel("Password", { exact: true }).fill("admin-demo-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/two-step/);
  // The previous step's code: the sign-in spec later uses the current one, which must not look like a replay.
  await page.getByLabel("Verification code", { exact: true }).fill(totpAt(DEMO_TOTP, Date.now() - 30_000));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
}

async function searchFor(page: Page, host: string, text: string) {
  await page.goto(url(host, "/search"));
  await page.getByLabel("Doctor, specialty or symptom", { exact: true }).first().fill(text);
  await page.getByRole("button", { name: "Search doctors" }).first().click();
  await expect(page).toHaveURL(/[?&]q=/);
}

test("a doctor applies, the admin approves and publishes them, and a patient finds them by a misspelt specialty on that hospital only", async ({ page, browser }) => {
  const surname = uniqueSurname();
  const name = `Dr Tara ${surname}`;

  // 1. The doctor applies on Sunrise's public form (on a phone), with their three required documents.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url("sunrise", "/join"));
  await axeClean(page, "/join");
  await page.getByLabel("Full name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(`tara.${surname.toLowerCase()}@example.com`);
  await page.getByLabel("Gender (optional)", { exact: true }).selectOption("female");
  await page.getByLabel("Registration number", { exact: true }).fill(`KMC-${Math.floor(100000 + Math.random() * 899999)}`);
  await page.getByLabel("Medical council", { exact: true }).fill("Karnataka Medical Council");
  await page.getByLabel("Qualifications", { exact: true }).fill("MBBS, Bangalore Medical College\nMD (Dermatology), St John's");
  await page.getByLabel("Years of experience", { exact: true }).fill("9");
  await page.getByRole("group", { name: "Specialties" }).getByLabel("Dermatology", { exact: true }).check();
  await page.getByLabel("Consultation fee (₹)", { exact: true }).fill("700");
  await page.getByRole("group", { name: "How you consult" }).getByLabel("In clinic", { exact: true }).check();
  await page.getByRole("group", { name: "Where you consult" }).getByRole("checkbox").first().check();
  await page.getByLabel("Languages you consult in", { exact: true }).fill("English, Kannada");
  await page.getByLabel("Medical council registration certificate (required)", { exact: true }).setInputFiles(pdf("registration.pdf"));
  await page.getByLabel("Degree certificate (MBBS or equivalent) (required)", { exact: true }).setInputFiles(pdf("degree.pdf"));
  await page.getByLabel("Government photo ID (required)", { exact: true }).setInputFiles(pdf("id.pdf"));
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("heading", { name: "Application received" })).toBeVisible();

  // Not published yet: a patient cannot find them.
  await searchFor(page, "sunrise", "dermatolgist");
  await expect(page.getByRole("main")).not.toContainText(surname);

  // 2. The admin reviews: accepts each document, approves, publishes.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await adminSignIn(admin, "sunrise");
  await admin.goto(url("sunrise", `/admin/doctors?q=${encodeURIComponent(surname)}`));
  await admin.getByRole("link", { name: new RegExp(surname) }).first().click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(surname);
  await axeClean(admin, "/admin/doctors/:id");
  for (const doc of ["Medical council registration certificate", "Degree certificate (MBBS or equivalent)", "Government photo ID"]) {
    const accept = admin.getByRole("button", { name: `Accept ${doc}`, exact: true });
    await accept.click();
    // Once accepted, its Accept button stays disabled.
    await expect(accept).toBeDisabled();
    await admin.waitForLoadState("networkidle");
  }
  await admin.getByRole("button", { name: "Approve application" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Application approved" })).toBeVisible();
  await admin.getByRole("button", { name: "Publish profile" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await adminContext.close();

  // 3. A patient finds them by a misspelt specialty, and opens their profile.
  await searchFor(page, "sunrise", "dermatolgist");
  await expect(page.getByRole("main")).toContainText("Dermatology");
  const result = page.getByRole("link", { name: new RegExp(surname) }).first();
  await expect(result).toBeVisible();
  await axeClean(page, "/search");
  await result.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await axeClean(page, "/doctors/:slug");
  await expect(page.getByRole("main")).toContainText("₹700");

  // 4. Another hospital's patients never see them.
  await searchFor(page, "citycare", "dermatolgist");
  await expect(page.getByRole("main")).toContainText("Dermatology");
  await expect(page.getByRole("main")).not.toContainText(surname);
  await searchFor(page, "citycare", surname);
  await expect(page.getByText("No doctors match your search")).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(surname) })).toHaveCount(0);
});

test("the marketplace lists a partner hospital's doctor with a link to the hospital's own domain", async ({ page }) => {
  // Find one listed partner doctor through the public API, then meet them as a patient would.
  let partner: { name: string; url: string; hospital: { name: string } } | null = null;
  await page.goto(url("illajwala", "/"));
  for (let p = 1; p <= 10 && !partner; p++) {
    const body = await page.evaluate(async (n) => {
      const res = await fetch(`/api/v1/doctors?page_size=50&page=${n}`, { headers: { accept: "application/json" } });
      return (await res.json()) as { items: { name: string; url: string; hospital: { name: string } | null }[] };
    }, p);
    partner = (body.items.find((i) => i.hospital) as typeof partner) ?? null;
  }
  expect(partner, "a partner hospital's doctor on the marketplace").not.toBeNull();
  expect(partner!.url).toMatch(/^http:\/\/(sunrise|citycare)\.localhost:\d+\/doctors\/[a-z0-9-]+$/);

  await page.goto(url("illajwala", `/search?q=${encodeURIComponent(partner!.name)}`));
  const link = page.locator(`a[href="${partner!.url}"]`).first();
  await expect(link).toBeVisible();
  await expect(page.getByRole("main")).toContainText(partner!.hospital.name);
  await link.click();
  await expect(page).toHaveURL(partner!.url);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(partner!.name);
  await expect(page.locator("#slots")).toBeVisible();
});
