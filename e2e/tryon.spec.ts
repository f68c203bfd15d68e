// Try on in the browser: from a top's product page to the studio, pick a model, add trousers from the slot search,
// render, see the before/after result (keyboard-operable) and download the PNG. The render part needs the try-on
// models (models/tryon); while they have not landed it is skipped, saying why, and the shopper's "not available yet"
// message is checked instead.
import { expect, test, type APIRequestContext } from "@playwright/test";

async function firstOf(request: APIRequestContext, category: string) {
  const response = await request.get(`/api/products?category=${category}&limit=1`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: { id: string; title: string }[] }).items[0];
}

async function tryOnVersion(request: APIRequestContext): Promise<string | undefined> {
  return ((await (await request.get("/api/health")).json()) as { models: Record<string, string> }).models.tryon;
}

async function dressModel(page: import("@playwright/test").Page, request: APIRequestContext) {
  const top = await firstOf(request, "tshirt");
  const trousers = await firstOf(request, "trousers");
  await page.goto(`/products/${top.id}`);
  await page.getByTestId("try-on-action").click();
  await expect(page).toHaveURL(new RegExp(`/try-on\\?products=${top.id}`));
  await expect(page.getByTestId("tryon-garment")).toHaveCount(1);

  // Filters narrow the gallery; picking a model selects it.
  const gallery = page.getByTestId("tryon-person");
  const all = await gallery.count();
  expect(all).toBeGreaterThan(4);
  await page.getByTestId("filter-body-shape").selectOption("slim");
  expect(await gallery.count()).toBeLessThan(all);
  await page.getByTestId("filter-body-shape").selectOption("");
  await gallery.nth(1).click();
  await expect(gallery.nth(1)).toHaveAttribute("aria-checked", "true");

  await page.getByTestId("tryon-slot-bottom").click();
  await page.getByTestId("tryon-search").fill(trousers.title);
  await page.locator(`[data-testid="tryon-search-result"][data-id="${trousers.id}"]`).getByRole("button", { name: /^Add/ }).click();
  await expect(page.getByTestId("tryon-garment")).toHaveCount(2);
  await expect(page).toHaveURL(new RegExp(`products=${top.id},${trousers.id}`));
  return { top, trousers };
}

test("pick a model, add a top and trousers, render, compare and download", async ({ page, request }) => {
  test.skip(!(await tryOnVersion(request)), "the try-on models (models/tryon) have not landed yet");
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} ${m.location().url}`));
  await dressModel(page, request);

  await page.getByTestId("tryon-render").click();
  await expect(page.getByTestId("tryon-result")).toBeVisible({ timeout: 60_000 });
  // By default the networks run in the browser (onnxruntime-web in a worker).
  await expect(page.getByTestId("tryon-done")).toContainText("Rendered in your browser");

  const range = page.getByTestId("tryon-compare-range");
  await range.focus();
  await page.keyboard.press("Home");
  await expect(range).toHaveValue("0");
  await page.keyboard.press("ArrowRight");
  await expect(range).toHaveValue("1");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("tryon-download").click()]);
  expect(download.suggestedFilename()).toBe("atelier-try-on.png");
  const bytes = await (await import("node:fs/promises")).readFile((await download.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(errors).toEqual([]);
});

test("the server renders when asked to (?engine=server), at the photo's size", async ({ page, request }) => {
  test.skip(!(await tryOnVersion(request)), "the try-on models (models/tryon) have not landed yet");
  const top = await firstOf(request, "blouse");
  const skirt = await firstOf(request, "skirt");
  await page.goto(`/try-on?products=${top.id},${skirt.id}&engine=server`);
  await page.getByTestId("tryon-render").click();
  await expect(page.getByTestId("tryon-done")).toContainText("Rendered on our server", { timeout: 60_000 });
  const size = await page.getByTestId("tryon-result").evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
  expect(size).toEqual([384, 512]);
});

test("without the try-on models, rendering says so in a shopper's words", async ({ page, request }) => {
  test.skip(Boolean(await tryOnVersion(request)), "the try-on models are installed: the render flow is tested instead");
  await dressModel(page, request);
  await page.getByTestId("tryon-render").click();
  await expect(page.getByTestId("tryon-error")).toContainText("isn't available just yet");
});

test("the outfit builder sends its garments, not its shoes, to try-on", async ({ page, request }) => {
  const top = await firstOf(request, "shirt");
  const jeans = await firstOf(request, "jeans");
  const shoes = await firstOf(request, "sneakers");
  await page.goto(`/outfit?items=${top.id},${jeans.id},${shoes.id}`);
  await page.getByTestId("try-whole-outfit").click();
  await expect(page).toHaveURL(new RegExp(`/try-on\\?products=${top.id},${jeans.id}`));
  await expect(page.getByTestId("tryon-garment")).toHaveCount(2);
  await expect(page.getByTestId("tryon-blocker")).toHaveCount(0);
});

test("shoes have no Try it on action", async ({ page, request }) => {
  const shoes = await firstOf(request, "boots");
  await page.goto(`/products/${shoes.id}`);
  await expect(page.getByTestId("product-detail")).toBeVisible();
  await expect(page.getByTestId("try-on-action")).toHaveCount(0);
});

test("an uploaded photo is checked in the browser, which says how long it took, or refused in plain words", async ({ page, request }) => {
  test.setTimeout(120_000);
  const people = ((await (await request.get("/api/people")).json()) as { items: { imageUrl: string }[] }).items;
  await page.goto("/try-on");
  const input = page.getByTestId("tryon-upload");
  // Drawn figures are not all found whole by the pose model: try a few, as a shopper would try another photo.
  let parsed = false;
  for (const [i, person] of people.slice(0, 6).entries()) {
    const before = Number(await input.getAttribute("data-checked"));
    await input.setInputFiles({ name: `me-${i}.webp`, mimeType: "image/webp", buffer: await (await request.get(person.imageUrl)).body() });
    await expect(input).toHaveAttribute("data-checked", String(before + 1), { timeout: 60_000 });
    const status = page.getByTestId("tryon-upload-status").filter({ hasText: `me-${i}.webp` });
    if (await status.count()) {
      await expect(status).toContainText("found in your browser in");
      expect(Number(await status.getAttribute("data-parse-ms"))).toBeGreaterThan(0);
      expect(await status.getAttribute("data-backend")).toMatch(/^(webgl|wasm|cpu)$/);
      parsed = true;
      break;
    }
    await expect(page.getByRole("alert").filter({ hasText: "full body" })).toBeVisible();
  }
  expect(parsed).toBe(true);
});
