import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { I18nView, Locale } from "../context.js";

export const LOCALES: readonly Locale[] = ["en", "hi"] as const;
export const LOCALE_COOKIE = "vn_lang";
const LOCALES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "locales");

export type Catalogue = Record<string, string>;

/** True when `value` is a supported locale code. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * Loads `locales/<locale>/<namespace>.json` into one flat catalogue per locale, each key
 * prefixed with its namespace (`patient.home.title`).
 */
export function loadCatalogues(dir: string = LOCALES_DIR): Record<Locale, Catalogue> {
  const out = {} as Record<Locale, Catalogue>;
  for (const locale of LOCALES) {
    const catalogue: Catalogue = {};
    for (const file of readdirSync(path.join(dir, locale)).filter((f) => f.endsWith(".json")).sort()) {
      const ns = file.slice(0, -5);
      const messages = JSON.parse(readFileSync(path.join(dir, locale, file), "utf8")) as Record<string, unknown>;
      for (const [key, value] of Object.entries(messages)) {
        if (typeof value !== "string") throw new Error(`${locale}/${file}: ${key} is not a string`);
        catalogue[`${ns}.${key}`] = value;
      }
    }
    out[locale] = catalogue;
  }
  return out;
}

/** Replaces `{name}` placeholders; an unknown key renders as itself so it is noticed. */
export function translate(messages: Catalogue, key: string, params: Record<string, string | number> = {}): string {
  const template = messages[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The visitor's explicit choice (query, then cookie) wins; else the tenant's default. */
export function pickLocale(opts: { query?: unknown; cookie?: unknown; tenantDefault?: Locale }): Locale {
  if (isLocale(opts.query)) return opts.query;
  if (isLocale(opts.cookie)) return opts.cookie;
  return opts.tenantDefault ?? "en";
}

/** The view handed to the Remix apps. */
export function i18nView(catalogues: Record<Locale, Catalogue>, locale: Locale, app?: string): I18nView {
  return { locale, locales: LOCALES, messages: app ? messagesFor(catalogues[locale], app) : catalogues[locale] };
}

const perApp = new WeakMap<Catalogue, Map<string, Catalogue>>();

/**
 * The part of a catalogue one app uses: the shared `common.` and `layout.` keys and its own
 * `<app>.` keys. Every page carries its messages to the browser, so a patient's phone
 * should not download the admin console's.
 */
export function messagesFor(catalogue: Catalogue, app: string): Catalogue {
  let byApp = perApp.get(catalogue);
  if (!byApp) perApp.set(catalogue, (byApp = new Map()));
  let picked = byApp.get(app);
  if (!picked) {
    const prefixes = ["common.", "layout.", `${app}.`];
    picked = Object.fromEntries(Object.entries(catalogue).filter(([k]) => prefixes.some((p) => k.startsWith(p))));
    byApp.set(app, picked);
  }
  return picked;
}
