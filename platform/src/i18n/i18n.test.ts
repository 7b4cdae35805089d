import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { i18nView, isLocale, loadCatalogues, LOCALES, pickLocale, translate } from "./index.js";

const catalogues = loadCatalogues();
const en = catalogues.en;
const hi = catalogues.hi;

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

describe("the en and hi catalogues", () => {
  it("are not empty", () => {
    expect(Object.keys(en).length).toBeGreaterThan(0);
  });

  it("have identical key sets", () => {
    const enKeys = new Set(Object.keys(en));
    const hiKeys = new Set(Object.keys(hi));
    const missingInHi = [...enKeys].filter((k) => !hiKeys.has(k)).sort();
    const missingInEn = [...hiKeys].filter((k) => !enKeys.has(k)).sort();
    expect({ missingInHi, missingInEn }).toEqual({ missingInHi: [], missingInEn: [] });
  });

  it("have no empty or whitespace-only messages", () => {
    const empty = LOCALES.flatMap((locale) =>
      Object.entries(catalogues[locale])
        .filter(([, v]) => v.trim() === "")
        .map(([k]) => `${locale}:${k}`),
    );
    expect(empty).toEqual([]);
  });

  it("keep every {placeholder} of an English message in its Hindi translation", () => {
    const problems: string[] = [];
    for (const [key, message] of Object.entries(en)) {
      const translation = hi[key];
      if (translation === undefined) continue; // reported by the key-set test
      const missing = placeholders(message).filter((p) => !placeholders(translation).includes(p));
      if (missing.length) problems.push(`${key}: hi lacks {${missing.join("}, {")}}`);
    }
    expect(problems).toEqual([]);
  });

  it("introduce no placeholder in Hindi that English does not supply", () => {
    const problems: string[] = [];
    for (const [key, translation] of Object.entries(hi)) {
      const message = en[key];
      if (message === undefined) continue;
      const extra = placeholders(translation).filter((p) => !placeholders(message).includes(p));
      if (extra.length) problems.push(`${key}: hi adds {${extra.join("}, {")}}`);
    }
    expect(problems).toEqual([]);
  });

  it("prefix every key with its namespace (file name)", () => {
    for (const key of Object.keys(en)) expect(key).toMatch(/^(admin|common|console|doctor|layout|patient)\./);
  });
});

describe("loadCatalogues", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function localesDir(files: Record<string, Record<string, unknown>>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), "visitnow-locales-"));
    dirs.push(dir);
    for (const locale of LOCALES) mkdirSync(path.join(dir, locale));
    for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), JSON.stringify(content));
    return dir;
  }

  it("flattens each namespace file into namespaced keys", () => {
    const dir = localesDir({ "en/shop.json": { "cart.title": "Cart" }, "hi/shop.json": { "cart.title": "कार्ट" } });
    expect(loadCatalogues(dir)).toEqual({ en: { "shop.cart.title": "Cart" }, hi: { "shop.cart.title": "कार्ट" } });
  });

  it("refuses a message that is not a string, naming the file and key", () => {
    const dir = localesDir({ "en/shop.json": { title: { nested: "x" } }, "hi/shop.json": {} });
    expect(() => loadCatalogues(dir)).toThrow(/en\/shop\.json: title is not a string/);
  });
});

describe("pickLocale", () => {
  it("prefers the query parameter over the cookie and the tenant default", () => {
    expect(pickLocale({ query: "hi", cookie: "en", tenantDefault: "en" })).toBe("hi");
    expect(pickLocale({ query: "en", cookie: "hi", tenantDefault: "hi" })).toBe("en");
  });

  it("uses the cookie when there is no query parameter", () => {
    expect(pickLocale({ cookie: "hi", tenantDefault: "en" })).toBe("hi");
    expect(pickLocale({ cookie: "en", tenantDefault: "hi" })).toBe("en");
  });

  it("uses the tenant default when the visitor chose nothing", () => {
    expect(pickLocale({ tenantDefault: "hi" })).toBe("hi");
  });

  it("falls back to English when nothing is given", () => {
    expect(pickLocale({})).toBe("en");
  });

  it("ignores an unsupported or malformed query value and goes on to the cookie", () => {
    expect(pickLocale({ query: "fr", cookie: "hi", tenantDefault: "en" })).toBe("hi");
    expect(pickLocale({ query: ["hi"], cookie: "en" })).toBe("en");
    expect(pickLocale({ query: "HI", tenantDefault: "en" })).toBe("en");
    expect(pickLocale({ query: "", cookie: "hi" })).toBe("hi");
  });

  it("ignores an unsupported cookie value and goes on to the tenant default", () => {
    expect(pickLocale({ query: "de", cookie: "xx", tenantDefault: "hi" })).toBe("hi");
    expect(pickLocale({ cookie: 42 })).toBe("en");
  });
});

describe("isLocale", () => {
  it("accepts exactly the supported locales", () => {
    expect(LOCALES.every(isLocale)).toBe(true);
    for (const v of ["fr", "EN", "", null, undefined, 1, ["en"]]) expect(isLocale(v)).toBe(false);
  });
});

describe("translate", () => {
  const messages = { greet: "Hello {name}, you have {count} visits", same: "{name} and {name}", plain: "No params" };

  it("replaces every named placeholder with its parameter", () => {
    expect(translate(messages, "greet", { name: "Asha", count: 3 })).toBe("Hello Asha, you have 3 visits");
  });

  it("replaces a placeholder used twice", () => {
    expect(translate(messages, "same", { name: "Ravi" })).toBe("Ravi and Ravi");
  });

  it("leaves a placeholder without a parameter visible", () => {
    expect(translate(messages, "greet", { name: "Asha" })).toBe("Hello Asha, you have {count} visits");
  });

  it("renders 0 and empty-string parameters", () => {
    expect(translate(messages, "greet", { name: "", count: 0 })).toBe("Hello , you have 0 visits");
  });

  it("falls back to the key itself for an unknown key", () => {
    expect(translate(messages, "patient.nope.missing")).toBe("patient.nope.missing");
  });

  it("translates a real catalogue key differently in en and hi", () => {
    const key = Object.keys(en).find((k) => en[k] !== hi[k]) as string;
    expect(key).toBeDefined();
    expect(translate(en, key)).not.toBe(translate(hi, key));
  });
});

describe("i18nView", () => {
  it("hands the chosen locale's catalogue and the supported locales to the apps", () => {
    const view = i18nView(catalogues, "hi");
    expect(view.locale).toBe("hi");
    expect(view.locales).toEqual(["en", "hi"]);
    expect(view.messages).toBe(hi);
  });
});
