// Person parsing in the shopper's browser (SPEC §5: pose + segmentation ≤ 300 ms): the try-on page's own parsing
// worker (MoveNet + selfie segmentation with TF.js, then the body model), in Debian's Chromium, on the real photos in
// --dir uploaded through the page as a shopper would. The worker times itself (components/tryon/parsing.worker.ts)
// and the page shows it; the first upload also loads the models and is reported apart, as "cold".
// Usage: npm run bench:parsing-browser [-- --runs 20 --dir ../shared/real-samples/people --base http://127.0.0.1:3000]
// Without --base it starts the production server on the default database (npm start must have built and seeded it).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";
import { CHROMIUM } from "../../e2e/chromium";
import { round, startServer, waitUp } from "./load";

const { values } = parseArgs({ options: {
  runs: { type: "string", default: "20" }, dir: { type: "string", default: "../shared/real-samples/people" },
  base: { type: "string" }, port: { type: "string", default: "3197" },
} });
const files = readdirSync(values.dir!).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort();
if (files.length === 0) throw new Error(`no photos in ${values.dir}`);
const photos = files.map((name) => ({ name, buffer: readFileSync(path.join(values.dir!, name)), mimeType: name.endsWith(".png") ? "image/png" : name.endsWith(".webp") ? "image/webp" : "image/jpeg" }));

const server = values.base ? undefined : await startServer(values.port!);
const base = values.base ?? server!.base;
if (values.base) await waitUp(`${base}/api/health`);

const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/try-on`, { waitUntil: "networkidle" });
  const input = page.getByTestId("tryon-upload");
  let backend = "";
  /** Uploads a photo under a fresh name; the worker's time, or null when it found no full body (or ran on the server). */
  const upload = async (photo: (typeof photos)[number], run: number) => {
    const before = Number(await input.getAttribute("data-checked"));
    const name = `run${run}-${photo.name}`;
    await input.setInputFiles({ ...photo, name });
    await page.waitForFunction((n) => Number(document.querySelector("[data-testid=tryon-upload]")?.getAttribute("data-checked")) > n, before, { timeout: 120_000 });
    const status = page.getByTestId("tryon-upload-status").filter({ hasText: name });
    const ms = (await status.count()) ? await status.getAttribute("data-parse-ms") : null;
    if (ms) backend = (await status.getAttribute("data-backend")) ?? backend;
    return ms ? Number(ms) : null;
  };
  // The first upload loads and compiles the models; photos without a whole person (head to feet) are left out.
  const started = performance.now();
  const first = await upload(photos[0], 0);
  const coldWall = performance.now() - started;
  const usable = [];
  for (const [i, photo] of photos.entries()) if ((i === 0 ? first : await upload(photo, -1 - i)) !== null) usable.push(photo);
  if (usable.length === 0) throw new Error("no photo with a whole person was parsed in the browser");
  const warm: number[] = [];
  for (let run = 1; run <= Number(values.runs); run++) {
    const ms = await upload(usable[run % usable.length], run);
    if (ms !== null) warm.push(ms);
  }
  warm.sort((a, b) => a - b);
  const at = (q: number) => warm[Math.min(warm.length - 1, Math.floor(q * warm.length))];
  console.log(`in-browser person parsing (Chromium ${browser.version()}, ${usable.length} of ${photos.length} photos show a whole person, ${warm.length} warm uploads, TF.js backend ${backend})`);
  console.log(`cold (first upload: models downloaded and compiled): upload to answer ${Math.round(coldWall)} ms`);
  console.log(`warm: p50 ${Math.round(at(0.5))} ms, p95 ${Math.round(at(0.95))} ms, max ${Math.round(warm[warm.length - 1])} ms`);
  console.log(JSON.stringify({ bench: "parsing-browser", photos: usable.length, runs: warm.length, backend, coldMs: Math.round(coldWall), p50: round(at(0.5)), p95: round(at(0.95)), bar: { ms: 300 } }));
} finally {
  await browser.close();
  server?.stop();
}
