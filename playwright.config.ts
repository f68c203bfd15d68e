import { defineConfig } from "@playwright/test";
import { CHROMIUM } from "./e2e/chromium";

// The server is started by scripts/test.mjs (production build, fresh seeded database); E2E_BASE_URL points at it.
export default defineConfig({
  testDir: "e2e",
  outputDir: "data/test-results/playwright",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [["list"], ["json"]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? "http://127.0.0.1:3100",
    trace: "on-first-retry",
    launchOptions: CHROMIUM,
  },
});
