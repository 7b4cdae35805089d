import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const port = process.env.E2E_PORT ?? "3199";
const pages = [
  ...["sunrise", "citycare"].flatMap((tenant) =>
    ["/", "/doctor", "/admin"].map((path) => ({ host: tenant, path })),
  ),
  { host: "illajwala", path: "/" },
  { host: "platform", path: "/" },
];

for (const { host, path } of pages) {
  for (const width of [390, 1280]) {
    test(`${host}${path} at ${width}px has no axe violations, a skip link, landmarks and a language`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`http://${host}.localhost:${port}${path}`);
      await expect(page.locator("html")).toHaveAttribute("lang", /^(en|hi)$/);
      await expect(page.getByRole("main")).toHaveCount(1);
      await expect(page.getByRole("banner")).toHaveCount(1);
      await expect(page.getByRole("contentinfo")).toHaveCount(1);
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      await expect(focused).toHaveAttribute("href", "#main");
      const outline = await focused.evaluate((el) => getComputedStyle(el).outlineStyle + getComputedStyle(el).boxShadow);
      expect(outline).not.toBe("nonenone");
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    });
  }
}
