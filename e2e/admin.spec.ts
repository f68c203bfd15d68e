// Merchandiser flows against the running app: anonymous access refused, sign in, create a product with an image,
// import a small JSON Lines file with images and watch it finish. Every product made here has an `E2E-` SKU and is
// deleted afterwards through the admin API.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import sharp from "sharp";

const EMAIL = process.env.E2E_ADMIN_EMAIL ?? "merch@atelier.test";
const PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? "atelier-e2e-password";
const RUN = `E2E-${Date.now().toString(36).toUpperCase()}`;

async function png(r: number, g: number, b: number): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 400, channels: 3, background: { r, g, b } } }).png().toBuffer();
}

async function signIn(page: Page, next = "/admin") {
  await page.goto(`/admin/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/admin/login"));
}

/** Deletes every product whose SKU starts with E2E- (this run's and any a crashed run left). */
async function deleteE2eProducts(request: APIRequestContext) {
  for (let guard = 0; guard < 20; guard++) {
    const response = await request.get("/api/admin/products?q=E2E-");
    expect(response.ok()).toBe(true);
    const { items } = (await response.json()) as { items: { id: string; sku: string }[] };
    const ours = items.filter((p) => p.sku.startsWith("E2E-"));
    if (!ours.length) return;
    for (const p of ours) expect((await request.delete(`/api/admin/products/${p.id}`)).status()).toBe(204);
  }
}

test.describe("anonymous visitors", () => {
  for (const path of ["/admin", "/admin/products", "/admin/products/new", "/admin/import"]) {
    test(`${path} redirects to the login page`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveURL(new RegExp(`/admin/login\\?next=${encodeURIComponent(path).replace(/%2F/g, "%2F")}`));
      await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    });
  }

  const api: [string, string][] = [
    ["GET", "/api/admin/products"],
    ["POST", "/api/admin/products"],
    ["DELETE", "/api/admin/products/anything"],
    ["POST", "/api/admin/imports"],
    ["GET", "/api/admin/imports"],
    ["GET", "/api/admin/jobs/anything"],
    ["GET", "/api/admin/me"],
  ];
  for (const [method, path] of api) {
    test(`${method} ${path} answers 401 JSON`, async ({ request }) => {
      const response = await request.fetch(path, { method, data: method === "POST" ? {} : undefined });
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    });
  }

  test("a forged session cookie is refused", async ({ request }) => {
    const response = await request.get("/api/admin/me", { headers: { cookie: "atelier_session=forged-token-value" } });
    expect(response.status()).toBe(401);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill(EMAIL);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/login/);
  });
});

test.describe("merchandiser", () => {
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage();
    await signIn(page);
    await deleteE2eProducts(page.request);
    await page.close();
  });

  test("creates a product with an image, with field errors first", async ({ page }) => {
    const sku = `${RUN}-NEW`;
    // The shop's listing API is asked first, so the server has this answer cached when the product is created.
    const listed = async () => ((await (await page.request.get("/api/products?q=e2e&limit=100")).json()) as { items: { sku: string }[] }).items.map((p) => p.sku);
    expect(await listed()).not.toContain(sku);
    await signIn(page, "/admin/products/new");
    await expect(page).toHaveURL(/\/admin\/products\/new$/);
    await page.getByLabel("SKU").fill(sku);
    await page.getByLabel("Brand").fill("Maison E2E");
    await page.getByLabel("Title").fill("X"); // too short: the server says so next to the field
    await page.getByLabel("Price").fill("49.90");
    await page.getByLabel("Category").selectOption("tshirt");
    await page.getByLabel("Color").selectOption("navy");
    await page.getByLabel("Sleeve").selectOption("short");
    await page.locator('input[name="image"]').setInputFiles({ name: "tee.png", mimeType: "image/png", buffer: await png(30, 40, 90) });
    await page.getByRole("button", { name: "Create product" }).click();
    await expect(page.locator("#title-error")).toBeVisible();
    await expect(page.getByLabel("SKU")).toHaveValue(sku); // what was typed survives the error

    await page.getByLabel("Title").fill("E2E Boxy Tee");
    await page.getByRole("button", { name: "Create product" }).click();
    await expect(page).toHaveURL(/\/admin\/products\/p[0-9a-z]+\?created=1$/);
    await expect(page.getByText("Product created")).toBeVisible();
    await expect(page.getByRole("img", { name: "Product image preview" })).toHaveAttribute("src", /\/api\/images\/[a-f0-9]{32}\.webp/);

    await page.goto(`/admin/products?q=${sku}`);
    await expect(page.getByTestId("admin-products").getByRole("row")).toHaveCount(1);
    await expect(page.getByTestId("admin-products")).toContainText("E2E Boxy Tee");
    // ...and shoppers see it at once, whichever server process answers (the write clears every process's caches).
    expect(await listed()).toContain(sku);
  });

  test("imports a JSON Lines file with images, shows progress to done and the failed line", async ({ page }) => {
    await signIn(page, "/admin/import");
    const lines = [
      { sku: `${RUN}-IMP-1`, title: "E2E Import Shirt", brand: "Maison E2E", priceCents: 5900, category: "shirt", color: "white", pattern: "striped", sleeve: "long", image: "shirt.png" },
      { sku: `${RUN}-IMP-2`, title: "E2E Import Skirt", brand: "Maison E2E", priceCents: 4900, category: "skirt", color: "black", pattern: "solid", length: "midi", image: "skirt.png" },
      { sku: `${RUN}-IMP-3`, title: "E2E Import Coat", brand: "Maison E2E", priceCents: 18900, category: "coat", color: "camel", pattern: "solid", image: "coat.png" },
      { sku: `${RUN}-IMP-4`, title: "E2E Bad Colour", brand: "Maison E2E", priceCents: 100, category: "hat", color: "ultraviolet", pattern: "solid", image: "coat.png" },
    ];
    await page.getByLabel("Product file").setInputFiles({ name: "e2e.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n")) });
    await page.getByLabel("Images").setInputFiles([
      { name: "shirt.png", mimeType: "image/png", buffer: await png(240, 240, 235) },
      { name: "skirt.png", mimeType: "image/png", buffer: await png(20, 20, 20) },
      { name: "coat.png", mimeType: "image/png", buffer: await png(190, 150, 100) },
    ]);
    await page.getByRole("button", { name: "Start import" }).click();
    await expect(page).toHaveURL(/\/admin\/import\/[a-z0-9]+$/);
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
    await expect(page.getByTestId("job-status")).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
    await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
    await expect(page.getByTestId("job-created")).toHaveText("3");
    await expect(page.getByTestId("job-failed")).toHaveText("1");
    await expect(page.getByTestId("job-errors")).toContainText("unknown color");
    await expect(page.getByTestId("job-errors").getByRole("row").first()).toContainText("4");

    await page.getByRole("link", { name: "View products" }).click();
    await page.getByLabel("Search products").fill(`${RUN}-IMP`);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("admin-products").getByRole("row")).toHaveCount(3);
  });
});
