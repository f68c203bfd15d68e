// Screenshots for the README, taken in Debian's Chromium against a running server.
// Usage: npx tsx scripts/docs/screenshots.ts [--base http://127.0.0.1:3000] [--out docs]
import { mkdir } from "node:fs/promises";
import { parseArgs } from "node:util";
import { CHROMIUM } from "../../e2e/chromium";
import { chromium } from "@playwright/test";

const { values } = parseArgs({ options: { base: { type: "string", default: "http://127.0.0.1:3000" }, out: { type: "string", default: "docs" } } });
const base = values.base!;
await mkdir(values.out!, { recursive: true });
const browser = await chromium.launch(CHROMIUM);
try {
  const desktop = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await desktop.goto(`${base}/`, { waitUntil: "networkidle" });
  await desktop.screenshot({ path: `${values.out}/catalogue.png` });
  await desktop.goto(`${base}/?slot=one_piece&pattern=floral,striped,polka_dot`, { waitUntil: "networkidle" });
  await desktop.screenshot({ path: `${values.out}/catalogue-filtered.png` });
  const firstCard = desktop.getByTestId("product-card").first();
  const id = await firstCard.getAttribute("data-id");
  await desktop.goto(`${base}/products/${id}`, { waitUntil: "networkidle" });
  await desktop.screenshot({ path: `${values.out}/product.png` });
  // Refine: a dress, asked to change; the results of one step.
  const dress = await (await fetch(`${base}/api/products?category=dress&color=black&limit=1`)).json();
  await desktop.goto(`${base}/refine?from=${dress.items[0].id}&engine=server`, { waitUntil: "networkidle" });
  await desktop.getByTestId("refine-text").fill("is red with no sleeves");
  await desktop.getByTestId("refine-submit").click();
  await desktop.getByTestId("refine-result").first().waitFor();
  await desktop.waitForLoadState("networkidle");
  await desktop.screenshot({ path: `${values.out}/refine.png` });
  // Complete the look: a top and jeans that go together by the stylist's rules (formality a step apart at most, a
  // versatile style), asking for shoes. The first blouse of the catalogue is a business one, two steps from jeans.
  const pick = async (query: string) => (await (await fetch(`${base}/api/products?${query}&limit=1`)).json()).items[0].id as string;
  const top = await pick("category=blouse&formality=smart_casual&pattern=solid&style=classic,minimal");
  await desktop.goto(`${base}/outfit?items=${top},${await pick("category=jeans&formality=casual")}&target=shoes`, { waitUntil: "networkidle" });
  await desktop.getByTestId("suggestion").first().waitFor();
  await desktop.waitForLoadState("networkidle");
  await desktop.screenshot({ path: `${values.out}/outfit.png` });
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  await phone.goto(`${base}/?category=dress`, { waitUntil: "networkidle" });
  await phone.screenshot({ path: `${values.out}/catalogue-phone.png` });
  await desktop.goto(`${base}/admin/login`, { waitUntil: "networkidle" });
  await desktop.screenshot({ path: `${values.out}/admin-login.png` });
  console.log(`screenshots written to ${values.out}/`);
} finally {
  await browser.close();
}
