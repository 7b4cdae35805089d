// `npm test`: works on a fresh clone with nothing run before it. Runs the unit and
// integration tests (vitest, real Postgres), then the browser tests (Playwright with
// Debian's Chromium against a real server), and prints one "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { ROOT, ensureBuilt, ensureInstalled } from "./bootstrap.mjs";

ensureInstalled();
ensureBuilt();

const resultsDir = path.join(ROOT, ".cache/test-results");
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// 1. Unit and integration tests.
const vitestJson = path.join(resultsDir, "vitest.json");
const vitest = spawnSync(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "run"], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, VITEST_JSON: vitestJson },
});
const vr = readJson(vitestJson);
if (vr) {
  totals.passed += vr.numPassedTests;
  totals.failed += vr.numFailedTests;
  totals.skipped += (vr.numPendingTests ?? 0) + (vr.numTodoTests ?? 0);
  if (vr.numFailedTestSuites && !vr.numFailedTests) totals.failed += vr.numFailedTestSuites;
} else if (vitest.status !== 0) totals.failed += 1;
if (vitest.status !== 0) exitCode = 1;

// 2. Browser tests, which need Debian's Chromium (`apt-get install -y chromium`).
const chromium = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!chromium) {
  const banner = "=".repeat(78);
  process.stderr.write(
    `\n${banner}\n  CHROMIUM IS MISSING: the browser tests did NOT run.\n` +
      `  Install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM_PATH.\n` +
      `  Set ALLOW_NO_BROWSER=1 to accept a run without them.\n${banner}\n\n`,
  );
  if (process.env.ALLOW_NO_BROWSER !== "1") {
    totals.failed += 1;
    exitCode = 1;
  }
} else {
  const { createTestDatabase, dropTestDatabase } = await import("./test-db.mjs");
  const databaseUrl = await createTestDatabase("e2e");
  const port = await freePort();
  const pwJson = path.join(resultsDir, "playwright.json");
  try {
    const pw = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@playwright/test/cli.js"), "test"], {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, CHROMIUM_PATH: chromium, E2E_DATABASE_URL: databaseUrl, E2E_PORT: String(port), PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson },
    });
    const pr = readJson(pwJson);
    if (pr?.stats) {
      totals.passed += pr.stats.expected + (pr.stats.flaky ?? 0);
      totals.failed += pr.stats.unexpected;
      totals.skipped += pr.stats.skipped ?? 0;
      if (pr.stats.flaky) process.stderr.write(`\nWARNING: ${pr.stats.flaky} browser test(s) passed only on retry (flaky); see the list above.\n`);
    } else if (pw.status !== 0) totals.failed += 1;
    if (pw.status !== 0) exitCode = 1;
  } finally {
    await dropTestDatabase(databaseUrl);
  }
}

process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(exitCode);
