import { expect, test } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3199";
const url = (host: string, path = "/") => `http://${host}.localhost:${port}${path}`;

async function brand(page: import("@playwright/test").Page) {
  return page.evaluate(() => {
    const css = getComputedStyle(document.documentElement);
    return {
      primary: css.getPropertyValue("--vn-color-primary").trim(),
      headingFont: css.getPropertyValue("--vn-font-heading").trim(),
      logo: document.querySelector("header img")?.getAttribute("src") ?? null,
      title: document.title,
    };
  });
}

test("two tenant domains show two different brands from one build", async ({ page }) => {
  await page.goto(url("sunrise"));
  await expect(page.getByRole("banner")).toContainText("Sunrise Hospital");
  const sunrise = await brand(page);

  await page.goto(url("citycare"));
  await expect(page.getByRole("banner")).toContainText("CityCare Clinics");
  await expect(page.getByRole("banner")).not.toContainText("Sunrise");
  const citycare = await brand(page);

  expect(sunrise.primary).toMatch(/^#[0-9a-f]{6}$/i);
  expect(citycare.primary).toMatch(/^#[0-9a-f]{6}$/i);
  expect(sunrise.primary).not.toBe(citycare.primary);
  expect(sunrise.headingFont).not.toBe(citycare.headingFont);
  expect(sunrise.logo).toContain("/_theme/sunrise/");
  expect(citycare.logo).toContain("/_theme/citycare/");
  expect(sunrise.title).toContain("Sunrise Hospital");
  expect(citycare.title).toContain("CityCare Clinics");
});

test("the marketplace tenant runs in the Illajwala theme with all three apps", async ({ page }) => {
  for (const path of ["/", "/doctor", "/admin"]) {
    const res = await page.goto(url("illajwala", path));
    expect(res?.status(), path).toBe(200); // the hub and the console land on their sign-in pages
    await expect(page.getByRole("banner")).toContainText("Illajwala");
    expect((await brand(page)).logo).toContain("/_theme/illajwala/");
  }
});

test("the platform console asks for a platform admin's sign-in before showing anything", async ({ page }) => {
  await page.goto(url("platform"));
  await expect(page).toHaveURL(/\/sign-in/);
  const text = await page.locator("body").innerText();
  for (const host of ["illajwala.localhost", "sunrise.localhost", "citycare.localhost"]) expect(text).not.toContain(host);
});

test("an unknown host gets a page that names no tenant", async ({ page }) => {
  const res = await page.goto(url("nobody"));
  expect(res?.status()).toBe(404);
  const text = await page.locator("body").innerText();
  expect(text).toContain("Site not found");
  for (const name of ["Sunrise", "CityCare", "Illajwala"]) expect(text).not.toContain(name);
});

test("the visitor can switch to Hindi and the choice sticks on that host only", async ({ page }) => {
  await page.goto(url("sunrise"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(url("sunrise", "/?lang=hi"));
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await page.goto(url("sunrise", "/doctor"));
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await page.goto(url("citycare"));
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("pages work without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url("sunrise"));
  await expect(page.getByRole("banner")).toContainText("Sunrise Hospital");
  await page.getByRole("link", { name: /skip/i }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  await context.close();
});
