import { defineConfig } from "@playwright/test";

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
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
});
