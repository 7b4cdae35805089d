// Dependency-free bootstrap shared by `npm start` and `npm test`: installs packages and
// builds the Remix apps when (and only when) they are missing or out of date.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const APPS = ["patient", "doctor", "admin", "console"];

function log(msg) {
  process.stderr.write(`[bootstrap] ${msg}\n`);
}

/** Runs a command in the repository root, inheriting output; exits on failure. */
export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", env: { ...process.env, ...opts.env } });
  if (res.status !== 0) {
    log(`\`${cmd} ${args.join(" ")}\` failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
}

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const st = statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === "build" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** `npm ci` when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = path.join(ROOT, "node_modules/.package-lock.json");
  const lock = path.join(ROOT, "package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log("installing packages (npm ci)...");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}

/** `npm run build` when an app's build is missing or older than its sources. */
export function ensureBuilt() {
  const shared = Math.max(newestMtime(path.join(ROOT, "tenant-apps/ui")), statSync(path.join(ROOT, "package-lock.json")).mtimeMs);
  const stale = APPS.filter((app) => {
    const built = path.join(ROOT, "tenant-apps", app, "build/server/index.js");
    if (!existsSync(built)) return true;
    const builtAt = statSync(built).mtimeMs;
    return newestMtime(path.join(ROOT, "tenant-apps", app)) > builtAt || shared > builtAt;
  });
  if (!stale.length) return;
  log(`building ${stale.join(", ")}...`);
  for (const app of stale) run("npm", ["run", "build", "--workspace", `tenant-apps/${app}`]);
}
