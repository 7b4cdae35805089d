import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../config/index.js";
import { contrastRatio } from "./contrast.js";
import { ThemeSchema } from "./theme-schema.js";
import { contrastProblems, ThemeService } from "./theme-service.js";

const THEMES_DIR = path.join(REPO_ROOT, "themes");
const themeFolders = readdirSync(THEMES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(THEMES_DIR, e.name, "theme.json")))
  .map((e) => e.name)
  .sort();

const tempDirs: string[] = [];
afterAll(() => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

/** A themes dir holding a copy of `default` plus one extra theme built from it. */
function themesDirWith(name: string, edit: (theme: Record<string, unknown>) => void, opts: { copyAssets?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "visitnow-themes-"));
  tempDirs.push(dir);
  cpSync(path.join(THEMES_DIR, "default"), path.join(dir, "default"), { recursive: true });
  mkdirSync(path.join(dir, name));
  if (opts.copyAssets ?? true) {
    for (const f of ["logo.svg", "favicon.svg"]) cpSync(path.join(THEMES_DIR, "default", f), path.join(dir, name, f));
  }
  const theme = JSON.parse(readFileSync(path.join(THEMES_DIR, "default", "theme.json"), "utf8")) as Record<string, unknown>;
  theme.name = name;
  edit(theme);
  writeFileSync(path.join(dir, name, "theme.json"), JSON.stringify(theme));
  return dir;
}

describe("the shipped themes", () => {
  const service = new ThemeService(THEMES_DIR);

  it("include default, illajwala, sunrise and citycare", () => {
    expect(service.names()).toEqual(expect.arrayContaining(["citycare", "default", "illajwala", "sunrise"]));
  });

  it("are all loaded by the theme service (no theme folder is skipped)", () => {
    expect(service.names()).toEqual(themeFolders);
  });

  it.each(themeFolders)("%s validates against the theme schema", (name) => {
    const raw = JSON.parse(readFileSync(path.join(THEMES_DIR, name, "theme.json"), "utf8"));
    const parsed = ThemeSchema.safeParse(raw);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it.each(themeFolders)("%s meets WCAG AA contrast for every text/background pair", (name) => {
    expect(contrastProblems(service.get(name))).toEqual([]);
  });
});

describe("contrast", () => {
  it("gives 21:1 for black on white, in either order", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
  });

  it("gives 1:1 for a colour on itself", () => {
    expect(contrastRatio("#777777", "#777777")).toBeCloseTo(1, 10);
  });

  it("matches the WCAG reference value for #767676 on white (4.54:1)", () => {
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("reports a pair that falls short, naming it", () => {
    const service = new ThemeService(THEMES_DIR);
    const theme = { ...service.get("default"), colors: { ...service.get("default").colors, primaryForeground: "#334155" } };
    expect(contrastProblems(theme)).toEqual([expect.stringMatching(/^primaryForeground on primary: 1\.00 < 4\.5$/)]);
  });

  it("reports an unreadable email header", () => {
    const base = new ThemeService(THEMES_DIR).get("default");
    const theme = { ...base, emailHeader: { ...base.emailHeader, textColor: "#3a4a5c" } };
    expect(contrastProblems(theme)).toEqual([expect.stringMatching(/^emailHeader text/)]);
  });
});

describe("ThemeService.view", () => {
  const service = new ThemeService(THEMES_DIR);

  it("renders every colour, the fonts and the radius as CSS custom properties", () => {
    const view = service.view("sunrise");
    const theme = service.get("sunrise");
    expect(view.css.startsWith(":root{")).toBe(true);
    expect(view.css).toContain(`--vn-color-primary:${theme.colors.primary}`);
    expect(view.css).toContain(`--vn-color-primary-foreground:${theme.colors.primaryForeground}`);
    expect(view.css).toContain(`--vn-color-muted-foreground:${theme.colors.mutedForeground}`);
    expect(view.css).toContain(`--vn-color-surface-foreground:${theme.colors.surfaceForeground}`);
    expect(view.css).toContain(`--vn-color-focus:${theme.colors.focus}`);
    expect(view.css).toContain(`--vn-font-heading:${theme.fonts.heading}`);
    expect(view.css).toContain(`--vn-font-body:${theme.fonts.body}`);
    expect(view.css).toContain(`--vn-radius:${theme.radius}`);
  });

  it("points logo and favicon at the theme's asset route", () => {
    const view = service.view("citycare");
    expect(view.logoUrl).toBe("/_theme/citycare/logo.svg");
    expect(view.faviconUrl).toBe("/_theme/citycare/favicon.svg");
  });

  it("applies a tenant's colour override to the CSS variable", () => {
    const view = service.view("default", { colors: { primary: "#123456" } });
    expect(view.colors.primary).toBe("#123456");
    expect(view.css).toContain("--vn-color-primary:#123456");
    expect(view.css).not.toContain(`--vn-color-primary:${service.get("default").colors.primary};`);
    // The other colours keep the theme's values.
    expect(view.colors.background).toBe(service.get("default").colors.background);
  });

  it("applies display name and radius overrides but keeps the theme's name", () => {
    const view = service.view("default", { displayName: "Sunrise East", radius: "4px" });
    expect(view.displayName).toBe("Sunrise East");
    expect(view.css).toContain("--vn-radius:4px");
    expect(view.name).toBe("default");
  });

  it("does not leak one tenant's overrides into the plain theme view", () => {
    service.view("illajwala", { colors: { primary: "#abcdef" } });
    expect(service.view("illajwala").colors.primary).toBe(service.get("illajwala").colors.primary);
  });

  it.each([
    ["a non-hex colour", { colors: { primary: "red" } }],
    ["a 3-digit hex colour", { colors: { primary: "#fff" } }],
    ["an unknown colour key", { colors: { brand: "#123456" } }],
    ["a CSS-injecting font", { fonts: { body: "Arial;} body{display:none" } }],
    ["an override of the theme name", { name: "other" }],
    ["a bad radius", { radius: "1em" }],
  ])("refuses %s", (_label, overrides) => {
    expect(() => service.view("default", overrides as Record<string, unknown>)).toThrow();
  });

  it("falls back to the default theme for an unknown name", () => {
    expect(service.view("no-such-theme").name).toBe("default");
    expect(service.has("no-such-theme")).toBe(false);
  });
});

describe("ThemeService loading", () => {
  it("accepts a valid extra theme in its own folder", () => {
    const dir = themesDirWith("extra", (t) => (t.displayName = "Extra"));
    expect(new ThemeService(dir).names()).toEqual(["default", "extra"]);
  });

  it("rejects a theme with a non-hex colour, naming the field", () => {
    const dir = themesDirWith("broken", (t) => ((t.colors as Record<string, string>).primary = "blue"));
    expect(() => new ThemeService(dir)).toThrow(/broken.*colors\.primary/s);
  });

  it("rejects a theme missing a required field, naming it", () => {
    const dir = themesDirWith("nofonts", (t) => delete t.fonts);
    expect(() => new ThemeService(dir)).toThrow(/fonts/);
  });

  it("rejects a theme with an unknown field, naming it", () => {
    const dir = themesDirWith("extra-key", (t) => (t.shadow = "big"));
    expect(() => new ThemeService(dir)).toThrow(/shadow/);
  });

  it("rejects a theme whose name does not match its folder", () => {
    const dir = themesDirWith("folder-name", (t) => (t.name = "other-name"));
    expect(() => new ThemeService(dir)).toThrow(/other-name.*folder must match/);
  });

  it("rejects a theme naming a logo file that does not exist", () => {
    const dir = themesDirWith("nologo", (t) => (t.logo = "missing-logo.svg"));
    expect(() => new ThemeService(dir)).toThrow(/nologo names a missing file missing-logo\.svg/);
  });

  it("rejects a theme whose assets were not copied into its folder", () => {
    const dir = themesDirWith("bare", () => undefined, { copyAssets: false });
    expect(() => new ThemeService(dir)).toThrow(/bare names a missing file/);
  });

  it("rejects a themes directory without a default theme", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "visitnow-themes-"));
    tempDirs.push(dir);
    cpSync(path.join(THEMES_DIR, "sunrise"), path.join(dir, "sunrise"), { recursive: true });
    expect(() => new ThemeService(dir)).toThrow(/No default theme/);
  });
});
