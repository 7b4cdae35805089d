import { escapeHtml } from "../http/index.js";
import type {
  HeaderObject,
  HttpMethod,
  OpenApiDocument,
  OperationObject,
  RefObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from "./openapi.js";

// Renders the OpenAPI document as one self-contained HTML page: no scripts, no CDN, no
// external fonts (the network may be closed), every colour pair at WCAG AA or better.

const METHODS: HttpMethod[] = ["get", "post", "put", "patch", "delete"];
const REASONS: Record<string, string> = {
  "200": "OK",
  "201": "Created",
  "204": "No Content",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "Not Found",
  "409": "Conflict",
  "422": "Unprocessable Content",
  "429": "Too Many Requests",
  "503": "Service Unavailable",
};

interface Row {
  field: string;
  type: string;
  required: boolean;
  description: string;
}

function isRef(x: unknown): x is RefObject {
  return typeof x === "object" && x !== null && "$ref" in x;
}

function refName(r: RefObject): string {
  return r.$ref.split("/").pop() as string;
}

function resolve<T>(doc: OpenApiDocument, x: T | RefObject): T {
  if (!isRef(x)) return x;
  const [, , kind, name] = x.$ref.split("/") as [string, string, keyof OpenApiDocument["components"], string];
  const target = (doc.components[kind] as Record<string, unknown>)[name];
  if (!target) throw new Error(`Unresolved $ref ${x.$ref}`);
  return target as T;
}

/** Escaped text with `code` spans and **bold**: all the markup the descriptions use. */
function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, "<code>$1</code>")
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
}

function paragraphs(text: string | undefined): string {
  if (!text) return "";
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${inline(p.trim())}</p>`)
    .join("\n");
}

function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function typeLabel(doc: OpenApiDocument, s: SchemaObject | RefObject): string {
  if (isRef(s)) return `<a href="#schema-${slug(refName(s))}">${escapeHtml(refName(s))}</a>`;
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  let base = types.filter((t) => t !== "null").join(" | ") || "any";
  if (s.type === "array" && s.items) base = `array of ${typeLabel(doc, s.items)}`;
  if (s.format) base += ` (${escapeHtml(s.format)})`;
  const out = [`<span class="type">${base}</span>`];
  if (types.includes("null")) out.push(`<span class="note">or null</span>`);
  return out.join(" ");
}

function constraints(s: SchemaObject): string[] {
  const out: string[] = [];
  if (s.const !== undefined) out.push(`Always <code>${escapeHtml(String(s.const))}</code>.`);
  if (s.enum) out.push(`One of ${s.enum.map((v) => `<code>${escapeHtml(String(v))}</code>`).join(", ")}.`);
  if (s.default !== undefined) out.push(`Default <code>${escapeHtml(String(s.default))}</code>.`);
  if (s.minLength !== undefined && s.maxLength !== undefined) out.push(`${s.minLength}–${s.maxLength} characters.`);
  else if (s.maxLength !== undefined) out.push(`At most ${s.maxLength} characters.`);
  if (s.pattern) out.push(`Matches <code>${escapeHtml(s.pattern)}</code>.`);
  return out;
}

/** Flattens an object schema into rows, nested fields as `error.code` and `details[].field`. */
function rows(doc: OpenApiDocument, schema: SchemaObject | RefObject, prefix = "", depth = 0): Row[] {
  const s = resolve(doc, schema);
  if (depth > 4 || !s.properties) return [];
  const out: Row[] = [];
  for (const [name, raw] of Object.entries(s.properties)) {
    const field = `${prefix}${name}`;
    const p = resolve(doc, raw);
    const extra = isRef(raw) ? [] : constraints(p);
    out.push({
      field,
      type: typeLabel(doc, raw),
      required: (s.required ?? []).includes(name),
      description: [p.description ? inline(p.description) : "", ...extra].filter(Boolean).join(" "),
    });
    if (p.properties) out.push(...rows(doc, p, `${field}.`, depth + 1));
    if (p.type === "array" && p.items && resolve(doc, p.items).properties) out.push(...rows(doc, p.items, `${field}[].`, depth + 1));
  }
  return out;
}

function schemaTable(doc: OpenApiDocument, schema: SchemaObject | RefObject, caption: string): string {
  const r = rows(doc, schema);
  const s = resolve(doc, schema);
  const named = isRef(schema) ? ` <span class="note">(schema <a href="#schema-${slug(refName(schema))}">${escapeHtml(refName(schema))}</a>)</span>` : "";
  if (!r.length) {
    const desc = s.description ? ` ${inline(s.description)}` : "";
    return `<p class="body-note">${escapeHtml(caption)}: ${typeLabel(doc, schema)}${named}.${desc}</p>`;
  }
  return `<div class="table-wrap"><table>
<caption>${escapeHtml(caption)}${named}</caption>
<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Required</th><th scope="col">Description</th></tr></thead>
<tbody>
${r
  .map(
    (x) =>
      `<tr><th scope="row"><code>${escapeHtml(x.field)}</code></th><td>${x.type}</td><td>${x.required ? '<span class="req">Required</span>' : '<span class="opt">Optional</span>'}</td><td>${x.description}</td></tr>`,
  )
  .join("\n")}
</tbody></table></div>`;
}

function headersTable(doc: OpenApiDocument, headers: Record<string, HeaderObject | RefObject> | undefined, caption: string): string {
  if (!headers || !Object.keys(headers).length) return "";
  return `<div class="table-wrap"><table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr><th scope="col">Header</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>
${Object.entries(headers)
  .map(([name, h]) => {
    const v = resolve(doc, h);
    return `<tr><th scope="row"><code>${escapeHtml(name)}</code></th><td>${typeLabel(doc, v.schema)}</td><td>${inline(v.description)}</td></tr>`;
  })
  .join("\n")}
</tbody></table></div>`;
}

function parametersTable(op: OperationObject): string {
  if (!op.parameters?.length) return "";
  return `<h4>Parameters</h4>
<div class="table-wrap"><table>
<caption>Parameters</caption>
<thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>
<tbody>
${op.parameters
  .map((p) => `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${escapeHtml(p.in)}${p.required ? ' <span class="req">Required</span>' : ""}</td><td>${escapeHtml(String(p.schema.type ?? ""))}</td><td>${[inline(p.description), ...constraints(p.schema)].join(" ")}</td></tr>`)
  .join("\n")}
</tbody></table></div>`;
}

function requestBody(doc: OpenApiDocument, body: RequestBodyObject | undefined): string {
  if (!body) return "";
  const types = Object.keys(body.content);
  const first = body.content[types[0] as string];
  return `<h4>Request body</h4>
<p class="body-note">${body.required ? "Required. " : ""}Sent as ${types.map((t) => `<code>${escapeHtml(t)}</code>`).join(" or ")}.</p>
${first ? schemaTable(doc, first.schema, "Request fields") : ""}`;
}

function responses(doc: OpenApiDocument, op: OperationObject, id: string): string {
  const items = Object.entries(op.responses).map(([status, raw]) => {
    const r = resolve<ResponseObject>(doc, raw);
    const tone = status.startsWith("2") ? "ok" : "err";
    const media = r.content ? Object.values(r.content)[0] : undefined;
    return `<li class="response">
<h5 id="${id}-${status}"><span class="status status-${tone}">${escapeHtml(status)}</span> ${escapeHtml(REASONS[status] ?? "")}</h5>
<p>${inline(r.description)}</p>
${headersTable(doc, r.headers, `Headers of the ${status} response`)}
${media ? schemaTable(doc, media.schema, `Body of the ${status} response`) : ""}
</li>`;
  });
  return `<h4>Responses</h4>\n<ul class="responses">\n${items.join("\n")}\n</ul>`;
}

function securityNote(op: OperationObject): string {
  if (!op.security || op.security.length === 0) return `<p class="auth-note"><strong>Authentication:</strong> none.</p>`;
  const names = op.security.flatMap((req) => Object.keys(req)).map((n) => `<a href="#security-${slug(n)}">${escapeHtml(n)}</a>`);
  return `<p class="auth-note"><strong>Authentication:</strong> ${names.join(" or ")}.</p>`;
}

interface Op {
  method: HttpMethod;
  path: string;
  op: OperationObject;
}

function operations(doc: OpenApiDocument): Op[] {
  const out: Op[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) out.push({ method, path, op });
    }
  }
  return out;
}

function operation(doc: OpenApiDocument, { method, path, op }: Op): string {
  const id = `op-${slug(op.operationId)}`;
  return `<article class="operation" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title"><span class="method method-${method}">${method.toUpperCase()}</span> <code class="path">${escapeHtml(path)}</code></h3>
<p class="summary">${inline(op.summary)}</p>
${paragraphs(op.description)}
${securityNote(op)}
${parametersTable(op)}
${requestBody(doc, op.requestBody)}
${responses(doc, op, id)}
</article>`;
}

const STYLE = `
:root{--ink:#1f2937;--muted:#4b5563;--line:#d1d5db;--bg:#ffffff;--panel:#f8fafc;--accent:#1d4ed8;--code:#f1f5f9;--focus:#b45309}
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:1rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
a{color:var(--accent);text-underline-offset:2px}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
code{background:var(--code);padding:.1em .35em;border-radius:4px}
pre{background:#0f172a;color:#f1f5f9;padding:1rem;border-radius:8px;overflow:auto;line-height:1.5}
pre code{background:none;padding:0;color:inherit}
.skip{position:absolute;left:-999px;top:.5rem;background:#111827;color:#fff;padding:.5rem 1rem;border-radius:6px;z-index:10}
.skip:focus{left:.5rem}
.wrap{max-width:76rem;margin:0 auto;padding:0 1.25rem}
.top{background:#0f172a;color:#f8fafc;padding:2rem 0 1.75rem}
.top a{color:#bfdbfe}
.eyebrow{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:#cbd5e1}
h1{margin:.25rem 0 .5rem;font-size:clamp(1.6rem,3vw,2.2rem);line-height:1.2}
.meta{margin:0;color:#e2e8f0}
.layout{display:grid;grid-template-columns:15rem minmax(0,1fr);gap:2.5rem;padding-top:2rem;padding-bottom:3rem}
nav.toc{position:sticky;top:1rem;align-self:start;max-height:calc(100vh - 2rem);overflow:auto;font-size:.95rem}
nav.toc h2{font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:var(--muted);margin:0 0 .5rem}
nav.toc ul{list-style:none;margin:0 0 1rem;padding:0}
nav.toc li{margin:.15rem 0}
nav.toc .group{font-weight:600;margin-top:.75rem}
nav.toc a{text-decoration:none;display:block;padding:.15rem .25rem;border-radius:4px}
nav.toc a:hover{text-decoration:underline}
nav.toc .m{display:inline-block;min-width:3.2em;font:600 .72rem/1.4 ui-monospace,monospace;color:var(--muted)}
main h2{font-size:1.5rem;margin:2.5rem 0 .75rem;padding-bottom:.35rem;border-bottom:2px solid var(--line)}
main>section:first-child h2{margin-top:0}
.operation{border:1px solid var(--line);border-radius:10px;padding:1.25rem 1.5rem;margin:1.25rem 0;background:var(--bg)}
.operation h3{margin:0;font-size:1.15rem;display:flex;flex-wrap:wrap;align-items:center;gap:.6rem}
.operation h4{font-size:1rem;margin:1.25rem 0 .5rem}
.operation h5{font-size:.95rem;margin:0 0 .25rem;display:flex;align-items:center;gap:.5rem}
.path{font-size:1rem;background:none;padding:0;color:var(--ink);word-break:break-all}
.summary{font-size:1.05rem;margin:.5rem 0;color:var(--ink);font-weight:500}
.method{font:700 .78rem/1 ui-monospace,monospace;letter-spacing:.04em;color:#fff;padding:.4rem .55rem;border-radius:5px}
.method-get{background:#1d4ed8}.method-post{background:#166534}.method-put,.method-patch{background:#92400e}.method-delete{background:#b91c1c}
.status{font:700 .8rem/1 ui-monospace,monospace;padding:.3rem .45rem;border-radius:4px;border:1px solid}
.status-ok{color:#14532d;background:#dcfce7;border-color:#86efac}
.status-err{color:#7f1d1d;background:#fee2e2;border-color:#fca5a5}
.auth-note,.body-note{color:var(--muted)}
.auth-note strong{color:var(--ink)}
.responses{list-style:none;padding:0;margin:0}
.response{border-top:1px solid var(--line);padding:.85rem 0}
.response p{margin:.25rem 0 .5rem}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.93rem}
caption{text-align:left;font-weight:600;padding:.25rem 0 .4rem;color:var(--ink)}
th,td{text-align:left;vertical-align:top;padding:.5rem .65rem;border-bottom:1px solid var(--line)}
thead th{background:var(--panel);font-size:.78rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);border-bottom:2px solid var(--line)}
tbody th{font-weight:500;white-space:nowrap}
.type{font-family:ui-monospace,monospace;font-size:.88em;color:#5b21b6}
.note{color:var(--muted);font-size:.88em}
.req{color:#9a3412;font-weight:600}
.opt{color:var(--muted)}
dl.schemes dt{font-weight:600;margin-top:1rem}
dl.schemes dd{margin:.25rem 0 0 0}
footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding:1.5rem 0 2.5rem}
@media (max-width:60rem){.layout{grid-template-columns:minmax(0,1fr)}nav.toc{position:static;max-height:none;border:1px solid var(--line);border-radius:10px;padding:1rem}}
@media (prefers-reduced-motion:no-preference){html{scroll-behavior:smooth}}
`;

/**
 * The API reference as a self-contained, accessible HTML page, rendered from `doc`.
 * `origin` (scheme and host of this request) fills in the examples.
 */
export function renderApiDocsPage(doc: OpenApiDocument, opts: { origin?: string; specUrl?: string } = {}): string {
  const origin = opts.origin ?? "https://your-site.example";
  const specUrl = opts.specUrl ?? "/api/v1/openapi.json";
  const ops = operations(doc);
  const byTag = doc.tags.map((t) => ({ tag: t, ops: ops.filter((o) => (o.op.tags ?? [])[0] === t.name) })).filter((g) => g.ops.length);

  const toc = `<nav class="toc" aria-labelledby="toc-title">
<h2 id="toc-title">On this page</h2>
<ul>
<li><a href="#overview">Overview</a></li>
<li><a href="#quick-start">Quick start</a></li>
<li><a href="#authentication">Authentication</a></li>
</ul>
${byTag
  .map(
    (g) => `<p class="group" id="toc-${slug(g.tag.name)}">${escapeHtml(g.tag.name)}</p>
<ul aria-labelledby="toc-${slug(g.tag.name)}">
${g.ops.map((o) => `<li><a href="#op-${slug(o.op.operationId)}"><span class="m">${o.method.toUpperCase()}</span>${escapeHtml(o.path)}</a></li>`).join("\n")}
</ul>`,
  )
  .join("\n")}
<ul><li><a href="#schemas">Schemas</a></li></ul>
</nav>`;

  const quick = `curl -X POST ${origin}/api/v1/auth/token \\
  -H 'Content-Type: application/json' \\
  -d '{"grant_type":"password","email":"asha@example.com","password":"…","client":"android"}'

curl ${origin}/api/v1/me -H 'Authorization: Bearer vna_…'

curl -X POST ${origin}/api/v1/auth/refresh \\
  -H 'Content-Type: application/json' -d '{"refresh_token":"vnr_…"}'`;

  const schemes = Object.entries(doc.components.securitySchemes)
    .map(([name, s]) => {
      const how = s.type === "http" ? `HTTP <code>${escapeHtml(s.scheme ?? "")}</code> (<code>Authorization: Bearer …</code>)` : `Cookie <code>${escapeHtml(s.name ?? "")}</code>`;
      return `<dt id="security-${slug(name)}">${escapeHtml(name)}</dt><dd>${how}. ${inline(s.description ?? "")}</dd>`;
    })
    .join("\n");

  const schemas = Object.keys(doc.components.schemas)
    .map((name) => {
      const s = doc.components.schemas[name] as SchemaObject;
      return `<section class="operation" id="schema-${slug(name)}" aria-labelledby="schema-${slug(name)}-title">
<h3 id="schema-${slug(name)}-title"><code class="path">${escapeHtml(name)}</code></h3>
${paragraphs(s.description)}
${schemaTable(doc, s, `Fields of ${name}`)}
</section>`;
    })
    .join("\n");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} reference</title>
<meta name="description" content="Reference for the ${escapeHtml(doc.info.title)}: endpoints, authentication and schemas.">
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
<div class="wrap">
<p class="eyebrow">API reference</p>
<h1>${escapeHtml(doc.info.title)}</h1>
<p class="meta">Version ${escapeHtml(doc.info.version)} · OpenAPI ${escapeHtml(doc.openapi)} · <a href="${escapeHtml(specUrl)}">Download openapi.json</a></p>
</div>
</header>
<div class="wrap layout">
${toc}
<main id="main" tabindex="-1">
<section aria-labelledby="overview"><h2 id="overview">Overview</h2>
${paragraphs(doc.info.description)}
</section>
<section aria-labelledby="quick-start"><h2 id="quick-start">Quick start</h2>
<p>Sign in, call the API with the access token, and refresh before it expires.</p>
<pre><code>${escapeHtml(quick)}</code></pre>
</section>
<section aria-labelledby="authentication"><h2 id="authentication">Authentication</h2>
<dl class="schemes">
${schemes}
</dl>
</section>
${byTag
  .map(
    (g) => `<section aria-labelledby="tag-${slug(g.tag.name)}"><h2 id="tag-${slug(g.tag.name)}">${escapeHtml(g.tag.name)}</h2>
<p>${inline(g.tag.description)}</p>
${g.ops.map((o) => operation(doc, o)).join("\n")}
</section>`,
  )
  .join("\n")}
<section aria-labelledby="schemas"><h2 id="schemas">Schemas</h2>
${schemas}
</section>
</main>
</div>
<footer><div class="wrap">Generated from <a href="${escapeHtml(specUrl)}">the OpenAPI document</a> this server publishes.</div></footer>
</body>
</html>
`;
}
