/** Slugs that would collide with platform hosts, paths or well-known names. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "platform", "www", "api", "admin", "app", "apps", "console", "doctor", "doctors", "static", "assets",
  "cdn", "mail", "email", "smtp", "status", "health", "metrics", "docs", "help", "support", "login",
  "auth", "sso", "oauth", "id", "account", "accounts", "billing", "dashboard", "root", "system",
  "internal", "public", "tenant", "tenants", "test", "localhost", "pg", "postgres",
]);

const SLUG = /^[a-z][a-z0-9-]{1,38}[a-z0-9]$/;

/** Why `slug` cannot name a tenant, or null when it can. */
export function slugProblem(slug: string): string | null {
  if (!SLUG.test(slug)) return "Use 3-40 characters: lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen.";
  if (slug.includes("--")) return "Do not use two hyphens in a row.";
  if (RESERVED_SLUGS.has(slug)) return `"${slug}" is reserved.`;
  return null;
}

/** The schema a tenant's tables live in. */
export function schemaNameFor(slug: string): string {
  return `tenant_${slug.replace(/-/g, "_")}`;
}

/** The tenant's NOLOGIN role: carries the installation prefix, since roles are cluster-wide. */
export function roleNameFor(prefix: string, slug: string): string {
  return `${prefix}_${slug.replace(/-/g, "_")}`;
}
