import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import dotenv from "dotenv";
import { z } from "zod";

/** The repository root, found from this file so commands work from any folder. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
  /** The local server probed when DATABASE_URL is unset (without a database name). */
  LOCAL_POSTGRES_URL: z.string().url().default("postgres://postgres@127.0.0.1:5432"),
  PLATFORM_HOST: z
    .string()
    .default("platform.localhost")
    .transform((h) => h.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.+$/, "")),
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  DB_POOL_MAX: z.coerce.number().int().min(1).default(10),
  DATA_DIR: z.string().default(path.join(REPO_ROOT, ".data")),
  THEMES_DIR: z.string().default(path.join(REPO_ROOT, "themes")),
  /**
   * Express's `trust proxy`: set it (e.g. `1`, `loopback`, a CIDR) when a TLS-terminating
   * proxy sits in front, so `Secure` cookies, the SSO redirect scheme and per-IP rate limits
   * use the client's real scheme and address from X-Forwarded-*.
   */
  TRUST_PROXY: z.string().optional(),
  MIGRATE_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Uploaded files (doctors' documents and photos): local disk under DATA_DIR/uploads unless S3_BUCKET is set. */
  UPLOADS_DIR: z.string().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  /** For S3-compatible stores (MinIO, R2, ...); omit for AWS. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default("ap-south-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
  /** How long a search answer may be reused (0 turns the cache off); changes invalidate it at once. */
  SEARCH_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** How often the marketplace directory relay sweeps hospitals' outboxes (0 turns the sweep off). */
  DIRECTORY_SWEEP_MS: z.coerce.number().int().min(0).default(10_000),
});

export type Config = z.infer<typeof EnvSchema>;

/**
 * Reads configuration from the environment, after loading `.env` from the repository
 * root when one exists (real environment variables win).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const envFile = path.join(REPO_ROOT, ".env");
  if (env === process.env && existsSync(envFile)) dotenv.config({ path: envFile, quiet: true } as dotenv.DotenvConfigOptions);
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}
