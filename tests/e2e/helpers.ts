// Shared by the browser tests: addresses on the test server's tenant hosts, unique names
// and the axe check every page must pass.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const port = process.env.E2E_PORT ?? "3199";
export const url = (host: string, path = "/") => `http://${host}.localhost:${port}${path}`;

/** A surname nobody else on the demo tenants has, so searches, rows and names are unambiguous. */
export function uniqueSurname(): string {
  const letters = "bcdfghjklmnpqrstvwxz";
  let s = "";
  for (let i = 0; i < 7; i++) s += letters[Math.floor(Math.random() * letters.length)];
  return `Q${s}`;
}

/** One main landmark and no WCAG 2.1 AA or best-practice violations, named by `label` when there are. */
export async function axeClean(page: Page, label: string) {
  await expect(page.getByRole("main"), label).toHaveCount(1);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${label} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}
