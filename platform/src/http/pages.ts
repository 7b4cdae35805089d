import type { Locale, ThemeView } from "../context.js";
import { translate, type Catalogue } from "../i18n/index.js";
import { escapeHtml } from "./html.js";

const BASE_CSS =
  "*{box-sizing:border-box}body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;" +
  "padding:1.5rem;line-height:1.5}main{max-width:32rem;text-align:center}h1{font-size:1.5rem;margin:.75rem 0}" +
  "p{margin:0 0 1rem}";

/** The page for a host that names no tenant: plain, and it names none either. */
export function unknownHostPage(messages: Catalogue, locale: Locale): string {
  const t = (k: string) => escapeHtml(translate(messages, k));
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${t("common.notFound.title")}</title>
<style>${BASE_CSS}body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a}</style></head>
<body><main><h1>${t("common.notFound.title")}</h1><p>${t("common.notFound.body")}</p></main></body></html>`;
}

/** The page for a suspended tenant, in the tenant's own theme. */
export function suspendedPage(opts: { tenantName: string; theme: ThemeView; messages: Catalogue; locale: Locale }): string {
  const { theme, messages } = opts;
  const title = escapeHtml(translate(messages, "common.suspended.title", { name: opts.tenantName }));
  const body = escapeHtml(translate(messages, "common.suspended.body"));
  return `<!doctype html><html lang="${opts.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title><link rel="icon" href="${escapeHtml(theme.faviconUrl)}">
<style>${theme.css}${BASE_CSS}body{font-family:var(--vn-font-body);background:var(--vn-color-background);color:var(--vn-color-foreground)}
h1{font-family:var(--vn-font-heading);color:var(--vn-color-primary)}main{background:var(--vn-color-surface);color:var(--vn-color-surface-foreground);
border:1px solid var(--vn-color-border);border-radius:var(--vn-radius);padding:2rem}img{width:56px;height:56px}</style></head>
<body><main><img src="${escapeHtml(theme.logoUrl)}" alt=""><p><strong>${escapeHtml(opts.tenantName)}</strong></p>
<h1>${title}</h1><p>${body}</p></main></body></html>`;
}
