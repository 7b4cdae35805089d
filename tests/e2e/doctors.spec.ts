import { expect, test, type Page } from "@playwright/test";
import { totpAt } from "../../platform/src/identity/totp.js";

const port = process.env.E2E_PORT ?? "3199";
const url = (host: string, path = "/") => `http://${host}.localhost:${port}${path}`;
const DEMO_TOTP = "VISITNOWDEMOADMIN2FASECRETKEY234";

/** A minimal but real PDF: the platform decides the type from these bytes. */
const pdf = (name: string) => ({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`) });

/** A surname nobody else on the demo tenants has, so the search result is unambiguous. */
function uniqueSurname(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  let s = "";
  for (let i = 0; i < 7; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return `Q${s}`;
}

async function adminSignIn(page: Page, host: string) {
  await page.goto(url(host, "/admin/sign-in"));
  await page.getByLabel("Work email").fill(`admin@${host}.example`);
  await page.getByLabel("Password", { exact: true }).fill("admin-demo-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/two-step/);
  await page.getByLabel("Verification code").fill(totpAt(DEMO_TOTP, Date.now()));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
}

async function searchFor(page: Page, host: string, text: string) {
  await page.goto(url(host, "/search"));
  await page.getByLabel("Doctor, specialty or symptom").first().fill(text);
  await page.getByRole("button", { name: "Search doctors" }).first().click();
  await expect(page).toHaveURL(/[?&]q=/);
}

test("a doctor applies, the admin approves and publishes them, and a patient finds them by a misspelt specialty on that hospital only", async ({ page, browser }) => {
  const surname = uniqueSurname();
  const name = `Dr Tara ${surname}`;

  // 1. The doctor applies on Sunrise's public form, with their three required documents.
  await page.goto(url("sunrise", "/join"));
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email", { exact: true }).fill(`tara.${surname.toLowerCase()}@example.com`);
  await page.getByLabel("Gender").selectOption("female");
  await page.getByLabel("Registration number").fill(`KMC-${Math.floor(100000 + Math.random() * 899999)}`);
  await page.getByLabel("Medical council").fill("Karnataka Medical Council");
  await page.getByLabel("Qualifications").fill("MBBS, Bangalore Medical College\nMD (Dermatology), St John's");
  await page.getByLabel("Years of experience").fill("9");
  await page.getByRole("group", { name: "Specialties" }).getByLabel("Dermatology").check();
  await page.getByLabel("Consultation fee (₹)").fill("700");
  await page.getByRole("group", { name: "How you consult" }).getByLabel("In clinic").check();
  await page.getByRole("group", { name: "Where you consult" }).getByRole("checkbox").first().check();
  await page.getByLabel("Languages you consult in").fill("English, Kannada");
  await page.getByLabel("Medical council registration certificate").setInputFiles(pdf("registration.pdf"));
  await page.getByLabel("Degree certificate (MBBS or equivalent)").setInputFiles(pdf("degree.pdf"));
  await page.getByLabel("Government photo ID").setInputFiles(pdf("id.pdf"));
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("heading", { name: "Application received" })).toBeVisible();

  // Not published yet: a patient cannot find them.
  await searchFor(page, "sunrise", "dermatolgist");
  await expect(page.getByRole("main")).not.toContainText(surname);

  // 2. The admin reviews: accepts each document, approves, publishes.
  const admin = await browser.newPage();
  await adminSignIn(admin, "sunrise");
  await admin.goto(url("sunrise", `/admin/doctors?q=${encodeURIComponent(surname)}`));
  await admin.getByRole("link", { name: new RegExp(surname) }).first().click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(surname);
  for (let i = 0; i < 3; i++) {
    await admin.locator('button[value="doc_accept"]:not([disabled])').first().click();
    await expect(admin).toHaveURL(/done=/);
  }
  await admin.getByRole("button", { name: "Approve application" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Application approved" })).toBeVisible();
  await admin.getByRole("button", { name: "Publish profile" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Published" })).toBeVisible();
  await admin.close();

  // 3. A patient finds them by a misspelt specialty, and opens their profile.
  await searchFor(page, "sunrise", "dermatolgist");
  await expect(page.getByRole("main")).toContainText("Dermatology");
  const result = page.getByRole("link", { name: new RegExp(surname) }).first();
  await expect(result).toBeVisible();
  await result.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await expect(page.getByRole("main")).toContainText("₹700");

  // 4. Another hospital's patients never see them.
  await searchFor(page, "citycare", "dermatolgist");
  await expect(page.getByRole("main")).toContainText("Dermatology");
  await expect(page.getByRole("main")).not.toContainText(surname);
  await searchFor(page, "citycare", surname);
  await expect(page.getByRole("main")).not.toContainText(surname);
});

test("the marketplace lists a partner hospital's doctor with a link to the hospital's own domain", async ({ page }) => {
  await page.goto(url("illajwala", "/search?q=dermatolgist"));
  const partner = page.getByRole("link", { name: /Dr / }).filter({ has: page.locator("xpath=self::*[contains(@href, 'sunrise.localhost') or contains(@href, 'citycare.localhost')]") });
  await expect(partner.first()).toBeVisible();
  const href = await partner.first().getAttribute("href");
  expect(href).toMatch(/^http:\/\/(sunrise|citycare)\.localhost:\d+\/doctors\/[a-z0-9-]+$/);
  await page.goto(href as string);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("#slots")).toBeVisible();
});
