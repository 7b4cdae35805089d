import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["platform/src/**/*.test.ts", "provisioning/src/**/*.test.ts", "scripts/**/*.test.ts", "tenant-apps/*/app/**/*.test.ts"],
    globalSetup: ["./tests/vitest-global-setup.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: process.env.VITEST_JSON ? ["default", ["json", { outputFile: process.env.VITEST_JSON }]] : ["default"],
  },
});
