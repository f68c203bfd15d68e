// Complete the look in the browser: from a product page to the outfit builder, add a second piece from search, ask
// for shoes, add a suggestion, and see the outfit's compatibility score. Needs CSA-Net (models/csa) and its
// catalogue vectors; skipped, saying why, while the model has not landed.
import { existsSync } from "node:fs";
import { expect, test } from "@playwright/test";

test.skip(!existsSync("models/csa/card.json"), "models/csa has not landed yet");

async function firstOf(request: import("@playwright/test").APIRequestContext, category: string) {
  const response = await request.get(`/api/products?category=${category}&limit=1`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { items: { id: string; title: string }[] }).items[0];
}

test("build a two-item outfit, ask for shoes, add one, see the compatibility score", async ({ page, request }) => {
  const top = await firstOf(request, "tshirt");
  const bottom = await firstOf(request, "jeans");
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(`${m.text()} ${m.location().url}`.trim()));

  await page.goto(`/products/${top.id}`);
  await page.getByTestId("complete-the-look").click();
  await expect(page).toHaveURL(new RegExp(`/outfit\\?items=${top.id}`));
  await expect(page.getByTestId("board-piece")).toHaveCount(1);

  await page.getByLabel("Add from the collection").fill(bottom.title);
  await page.locator(`[data-testid="search-result"][data-id="${bottom.id}"]`).getByRole("button", { name: /^Add/ }).click();
  await expect(page.getByTestId("board-piece")).toHaveCount(2);
  await expect(page.getByTestId("compatibility-score")).toHaveText(/^\d{1,3}%$/);

  await page.getByRole("radio", { name: "Shoes" }).click();
  const suggestion = page.getByTestId("suggestion").first();
  await expect(suggestion).toBeVisible({ timeout: 30_000 });
  expect(["sneakers", "boots", "heels", "sandals", "loafers"]).toContain(await suggestion.getAttribute("data-category"));
  const before = await page.getByTestId("compatibility-score").textContent();
  await suggestion.getByRole("button", { name: /Add .* to the outfit/ }).click();

  await expect(page.getByTestId("board-piece")).toHaveCount(3);
  await expect(page.locator('[data-testid="board-piece"][data-slot="shoes"]')).toHaveCount(1);
  await expect(page.getByTestId("compatibility-score")).toHaveText(/^\d{1,3}%$/);
  await expect(page).toHaveURL(/items=[^&]+,[^&]+,[^&]+/);
  // Shoes are now taken: the picker no longer offers them and says why.
  await expect(page.getByRole("radio", { name: "Shoes" })).toHaveCount(0);
  await expect(page.getByText(/already has/).first()).toBeAttached();
  expect(before).toMatch(/%$/);
  expect(errors).toEqual([]);
});

test("the API explains a slot the outfit already fills", async ({ request }) => {
  const ids = [(await firstOf(request, "tshirt")).id, (await firstOf(request, "jeans")).id, (await firstOf(request, "sneakers")).id];
  const response = await request.post("/api/complete", { data: { productIds: ids, targetCategory: "heels" } });
  expect(response.status()).toBe(422);
  expect((await response.json()).error.message).toMatch(/already has sneakers/);
});
