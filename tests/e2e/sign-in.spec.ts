import { expect, test, type Page } from "@playwright/test";
import { totpAt } from "../../platform/src/identity/totp.js";

const port = process.env.E2E_PORT ?? "3199";
const url = (host: string, path = "/") => `http://${host}.localhost:${port}${path}`;
const DEMO_TOTP = "VISITNOWDEMOADMIN2FASECRETKEY234";

async function staffSignIn(page: Page, host: string, app: "doctor" | "admin", email: string, password: string) {
  await page.goto(url(host, `/${app}/sign-in`));
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  try {
    await expect(page).not.toHaveURL(/\/sign-in/);
  } catch {
    throw new Error(`Still on the sign-in page: ${await page.getByRole("main").innerText()}`);
  }
}

test("a patient signs in on sunrise and is signed out on citycare and on the platform host", async ({ page }) => {
  await page.goto(url("sunrise", "/sign-in"));
  await page.getByLabel("Email").fill("asha@example.com");
  await page.getByLabel("Password", { exact: true }).fill("patient-demo-1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account/);
  await expect(page.getByRole("main")).toContainText("Kabir Verma");
  await expect(page.getByRole("banner")).toContainText("Asha");

  // The same browser, with the sunrise cookie in its jar, on another tenant's host.
  await page.goto(url("citycare", "/"));
  await expect(page.getByRole("banner")).not.toContainText("Asha");
  await page.goto(url("citycare", "/account"));
  await expect(page).toHaveURL(/citycare\.localhost:\d+\/sign-in/);
  await page.goto(url("platform", "/"));
  await expect(page).toHaveURL(/platform\.localhost:\d+\/sign-in/);

  // Back on sunrise the session still works, and signing out ends it.
  await page.goto(url("sunrise", "/account"));
  await expect(page.getByRole("main")).toContainText("Kabir Verma");
  await page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("banner")).toContainText("Sign in");
  await page.goto(url("sunrise", "/account"));
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a doctor and the front desk sign in to the doctor hub on their own hospital", async ({ page }) => {
  await staffSignIn(page, "sunrise", "doctor", "dr.mehta@sunrise.example", "doctor-demo-1");
  await expect(page).toHaveURL(/\/doctor\/?$/);
  await expect(page.getByRole("banner")).toContainText("Dr Rohan Mehta");
  await page.goto(url("sunrise", "/admin"));
  await expect(page.getByRole("main")).toContainText(/don.t have access/i);
  await page.goto(url("citycare", "/doctor"));
  await expect(page).toHaveURL(/citycare\.localhost:\d+\/doctor\/sign-in/);

  // Let this page's own requests finish before its cookies are cleared.
  await page.waitForLoadState("networkidle");
  await page.context().clearCookies();
  await staffSignIn(page, "citycare", "doctor", "frontdesk@citycare.example", "frontdesk-demo-1");
  await expect(page.getByRole("banner")).toContainText("Priya Nair");
});

test("a tenant admin signs in with password and TOTP; a wrong code is refused", async ({ page }) => {
  await staffSignIn(page, "sunrise", "admin", "admin@sunrise.example", "admin-demo-1");
  await expect(page).toHaveURL(/\/admin\/two-step/);
  await page.getByLabel("Verification code").fill(totpAt(DEMO_TOTP, Date.now()) === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await page.getByLabel("Verification code").fill(totpAt(DEMO_TOTP, Date.now()));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/admin\/?$/);
  await expect(page.getByRole("banner")).toContainText("Anita Rao");
});

test("a platform admin signs in to the console with TOTP and sees every tenant", async ({ page }) => {
  await page.goto(url("platform", "/sign-in"));
  await page.getByLabel("Email").fill("admin@platform.example");
  await page.getByLabel("Password", { exact: true }).fill("platform-demo-1");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/two-step/);
  await page.getByLabel(/code/i).first().fill(totpAt(DEMO_TOTP, Date.now()));
  await page.getByRole("button", { name: /verify|continue|sign in/i }).click();
  const main = page.getByRole("main");
  for (const name of ["Illajwala", "Sunrise Hospital", "CityCare Clinics"]) await expect(main).toContainText(name);
  for (const host of ["illajwala.localhost", "sunrise.localhost", "citycare.localhost"]) await expect(main).toContainText(host);
  // The console session does not exist on a tenant host.
  await page.goto(url("sunrise", "/admin"));
  await expect(page).toHaveURL(/sunrise\.localhost:\d+\/admin\/sign-in/);
});
