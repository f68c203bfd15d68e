// Screenshots of the try-on page (desktop and phone, before and after a render) in Debian's Chromium against a
// running server. Usage: npx tsx scripts/docs/tryon-screenshots.ts [--base http://127.0.0.1:3000] [--out docs]
import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CHROMIUM } from "../../e2e/chromium";
import { chromium, type Page } from "@playwright/test";

const { values } = parseArgs({ options: { base: { type: "string", default: "http://127.0.0.1:3000" }, out: { type: "string", default: "docs" } } });
const base = values.base!;
await mkdir(values.out!, { recursive: true });
const browser = await chromium.launch(CHROMIUM);

async function firstOf(page: Page, category: string): Promise<string> {
  const response = await page.request.get(`${base}/api/products?category=${category}&limit=1`);
  return ((await response.json()) as { items: { id: string }[] }).items[0].id;
}

async function shoot(page: Page, name: string, url: string) {
  await page.goto(url, { waitUntil: "networkidle" });
  await page.screenshot({ path: `${values.out}/${name}.png`, fullPage: true });
  const render = page.getByTestId("tryon-render");
  if (await render.isEnabled()) {
    await render.click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${values.out}/${name}-rendering.png` });
    await Promise.race([page.getByTestId("tryon-result").waitFor({ timeout: 60_000 }), page.getByTestId("tryon-error").waitFor({ timeout: 60_000 })]);
    await page.getByTestId("tryon-render").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${values.out}/${name}-result.png`, fullPage: true });
  }
}

try {
  const desktop = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const ids = [await firstOf(desktop, "blouse"), await firstOf(desktop, "trousers")].join(",");
  await shoot(desktop, "tryon", `${base}/try-on?products=${ids}`);
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  await shoot(phone, "tryon-phone", `${base}/try-on?products=${ids}`);
  console.log(`screenshots written to ${values.out}/`);
} finally {
  await browser.close();
}
