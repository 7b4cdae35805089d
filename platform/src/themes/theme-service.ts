import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ThemeView } from "../context.js";
import { contrastRatio } from "./contrast.js";
import { COLOR_KEYS, ThemeOverridesSchema, ThemeSchema, type Theme } from "./theme-schema.js";

/** The text/background pairs every theme must keep at WCAG AA (4.5:1), and focus at 3:1. */
export const CONTRAST_PAIRS: { fg: string; bg: string; min: number }[] = [
  { fg: "foreground", bg: "background", min: 4.5 },
  { fg: "surfaceForeground", bg: "surface", min: 4.5 },
  { fg: "primaryForeground", bg: "primary", min: 4.5 },
  { fg: "secondaryForeground", bg: "secondary", min: 4.5 },
  { fg: "accentForeground", bg: "accent", min: 4.5 },
  { fg: "mutedForeground", bg: "muted", min: 4.5 },
  { fg: "mutedForeground", bg: "background", min: 4.5 },
  { fg: "mutedForeground", bg: "surface", min: 4.5 },
  { fg: "primary", bg: "background", min: 4.5 },
  { fg: "primary", bg: "surface", min: 4.5 },
  { fg: "focus", bg: "background", min: 3 },
];

/** Every pair of `theme` that falls short of its minimum contrast. */
export function contrastProblems(theme: Theme): string[] {
  const colors = theme.colors as Record<string, string>;
  const problems: string[] = [];
  for (const p of CONTRAST_PAIRS) {
    const ratio = contrastRatio(colors[p.fg] as string, colors[p.bg] as string);
    if (ratio < p.min) problems.push(`${p.fg} on ${p.bg}: ${ratio.toFixed(2)} < ${p.min}`);
  }
  const e = theme.emailHeader;
  const r = contrastRatio(e.textColor, e.backgroundColor);
  if (r < 4.5) problems.push(`emailHeader text: ${r.toFixed(2)} < 4.5`);
  return problems;
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** The theme as CSS custom properties for the page head (`--vn-color-*`, fonts, radius). */
export function themeCss(theme: Theme): string {
  const colors = theme.colors as Record<string, string>;
  const vars = COLOR_KEYS.map((k) => `--vn-color-${kebab(k)}:${colors[k]}`);
  vars.push(`--vn-font-heading:${theme.fonts.heading}`, `--vn-font-body:${theme.fonts.body}`, `--vn-radius:${theme.radius}`);
  return `:root{${vars.join(";")}}`;
}

function merge(theme: Theme, overrides: unknown): Theme {
  const o = ThemeOverridesSchema.parse(overrides ?? {});
  return ThemeSchema.parse({
    ...theme,
    displayName: o.displayName ?? theme.displayName,
    colors: { ...theme.colors, ...stripUndefined(o.colors) },
    fonts: { ...theme.fonts, ...stripUndefined(o.fonts) },
    radius: o.radius ?? theme.radius,
    emailHeader: { ...theme.emailHeader, ...stripUndefined(o.emailHeader) },
  });
}

function stripUndefined<T extends object>(v: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(v ?? {}).filter(([, x]) => x !== undefined)) as Partial<T>;
}

/** Loads and validates every `themes/<name>/theme.json`, and resolves tenant themes. */
export class ThemeService {
  private readonly themes = new Map<string, Theme>();
  private readonly views = new Map<string, ThemeView>();

  constructor(readonly dir: string) {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const file = path.join(dir, entry.name, "theme.json");
      if (!existsSync(file)) continue;
      const parsed = ThemeSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
      if (!parsed.success) throw new Error(`Invalid theme ${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      if (parsed.data.name !== entry.name) throw new Error(`Theme ${file} is named ${parsed.data.name}; the folder must match`);
      for (const asset of [parsed.data.logo, parsed.data.favicon, parsed.data.emailHeader.logo]) {
        if (!existsSync(path.join(dir, entry.name, asset))) throw new Error(`Theme ${entry.name} names a missing file ${asset}`);
      }
      const contrast = contrastProblems(parsed.data);
      if (contrast.length) throw new Error(`Theme ${entry.name} fails WCAG AA contrast: ${contrast.join("; ")}`);
      this.themes.set(entry.name, parsed.data);
    }
    if (!this.themes.has("default")) throw new Error(`No default theme in ${dir}`);
  }

  names(): string[] {
    return [...this.themes.keys()].sort();
  }

  has(name: string): boolean {
    return this.themes.has(name);
  }

  /** The raw theme; unknown names fall back to `default`. */
  get(name: string): Theme {
    return this.themes.get(name) ?? (this.themes.get("default") as Theme);
  }

  /** Why `overrides` cannot apply to theme `name` (invalid values, or contrast below AA). */
  overrideProblems(name: string, overrides: Record<string, unknown>): string[] {
    try {
      return contrastProblems(merge(this.get(name), overrides));
    } catch (err) {
      return [err instanceof Error ? err.message : String(err)];
    }
  }

  /** The theme with a tenant's overrides applied, ready for a page (memoised). */
  view(name: string, overrides: Record<string, unknown> = {}): ThemeView {
    const key = `${name}\u0000${JSON.stringify(overrides)}`;
    const cached = this.views.get(key);
    if (cached) return cached;
    const base = this.get(name);
    const theme = merge(base, overrides);
    const view: ThemeView = {
      name: base.name,
      displayName: theme.displayName,
      colors: theme.colors,
      fonts: theme.fonts,
      radius: theme.radius,
      logoUrl: `/_theme/${base.name}/${theme.logo}`,
      faviconUrl: `/_theme/${base.name}/${theme.favicon}`,
      css: themeCss(theme),
    };
    if (this.views.size > 1000) this.views.clear();
    this.views.set(key, view);
    return view;
  }
}
