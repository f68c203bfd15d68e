// `npm test`: installs what the suites need, then runs every suite — unit and integration (vitest, against
// SQLite and PostgreSQL), the training pipeline's quick test (Python), and the end-to-end flows (Playwright in
// Debian's Chromium against a production build) — and prints one closing line with the totals.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { ensureDebianPackages, ensureDependencies, loadDotEnv, prepareDatabase, run, step } from "./lib.mjs";

loadDotEnv(".env.test");
ensureDependencies();
ensureDebianPackages(["chromium", "python3-torch", "python3-torchvision", "python3-onnx"], (pkg) =>
  pkg === "chromium" ? existsSync("/usr/bin/chromium") : spawnSync("/usr/bin/python3", ["-c", `import ${pkg.replace("python3-", "")}`]).status === 0,
);
mkdirSync("data/test-results", { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const only = process.argv.slice(2);
const wants = (suite) => only.length === 0 || only.includes(suite);

if (wants("unit")) {
  process.env.DATABASE_URL = "file:./data/test.db";
  prepareDatabase();
  step("Unit and integration tests (vitest)");
  const result = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=data/test-results/vitest.json"], { stdio: "inherit" });
  addVitest("data/test-results/vitest.json", result.status);
}

if (wants("training") && existsSync("training/tests")) {
  step("Training pipeline quick test (Python)");
  const result = spawnSync("/usr/bin/python3", ["-m", "unittest", "discover", "-s", "training/tests", "-t", "."], { encoding: "utf8", env: { ...process.env, PYTHONUNBUFFERED: "1" } });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  addUnittest(result.stderr, result.status);
}

if (wants("e2e")) await runEndToEnd();

console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

async function runEndToEnd() {
  const port = process.env.E2E_PORT ?? "3100";
  // E2E_NAME gives a parallel run its own build folder, database and images, so two runs never clash.
  const name = process.env.E2E_NAME ?? "e2e";
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: `.next-${name}`,
    DATABASE_URL: `file:./data/${name}.db`,
    IMAGE_DIR: `./data/${name}-images`,
    CATALOGUE_COUNT: process.env.E2E_CATALOGUE_COUNT ?? "600",
    ADMIN_EMAIL: "merch@atelier.test",
    ADMIN_PASSWORD: "atelier-e2e-password",
  };
  step("End-to-end: fresh database, seed, production build");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/${name}.db${suffix}`, { force: true });
  Object.assign(process.env, { DATABASE_URL: env.DATABASE_URL });
  prepareDatabase();
  run("npx", ["tsx", "--import", "./scripts/db/server-only-hook.mjs", "scripts/setup.ts"], { env });
  run("node", ["scripts/copy-ort.mjs"]);
  run("node", ["scripts/copy-tfjs.mjs"]);
  run("npx", ["next", "build"], { env });
  step(`End-to-end: serving on port ${port}, Playwright in /usr/bin/chromium`);
  const server = spawn("node", ["scripts/serve.mjs", "-p", port], { env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  try {
    await waitForHealth(`http://127.0.0.1:${port}/api/health`, 90_000);
    const result = spawnSync("npx", ["playwright", "test", ...(process.env.E2E_SPECS ?? "").split(" ").filter(Boolean)], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "test", E2E_BASE_URL: `http://127.0.0.1:${port}`, PLAYWRIGHT_JSON_OUTPUT_NAME: `data/test-results/playwright-${name}.json` },
    });
    addPlaywright(`data/test-results/playwright-${name}.json`, result.status);
  } finally {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok && (await response.json()).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`server did not become healthy at ${url}`);
}

function addVitest(file, status) {
  if (!existsSync(file)) return void (totals.failed += status === 0 ? 0 : 1);
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
  totals.skipped += report.numPendingTests + report.numTodoTests;
}

function addUnittest(output, status) {
  const ran = Number(output.match(/Ran (\d+) tests?/)?.[1] ?? 0);
  const failures = Number(output.match(/failures=(\d+)/)?.[1] ?? 0) + Number(output.match(/errors=(\d+)/)?.[1] ?? 0);
  const skipped = Number(output.match(/skipped=(\d+)/)?.[1] ?? 0);
  totals.passed += ran - failures - skipped;
  totals.failed += failures + (status !== 0 && failures === 0 ? 1 : 0);
  totals.skipped += skipped;
}

function addPlaywright(file, status) {
  if (!existsSync(file)) return void (totals.failed += status === 0 ? 0 : 1);
  const { stats } = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  totals.skipped += stats.skipped;
}
