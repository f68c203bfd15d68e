"use server";
// Server action behind "Load more": the next keyset page of the same listing, validated with the API's schema.
// Errors a shopper can act on come back as values; only bugs throw.
import { InvalidCursorError, listProducts } from "@/lib/catalogue/queries";
import { productFilterSchema, type ProductFilter } from "@/lib/catalogue/schema";
import { canonicalParams, filterInput } from "./filter-url";
import { toCardProduct, type CardProduct } from "./product-card";

export type MoreProducts = { ok: true; items: CardProduct[]; nextCursor: string | null } | { ok: false; error: string };

export async function loadMoreProducts(query: string, cursor: string): Promise<MoreProducts> {
  if (typeof query !== "string" || typeof cursor !== "string" || query.length > 2000) {
    return { ok: false, error: "That listing could not be continued." };
  }
  const params = canonicalParams(new URLSearchParams(query));
  params.set("cursor", cursor);
  const filter = productFilterSchema.safeParse(filterInput(params));
  if (!filter.success) return { ok: false, error: "That listing could not be continued; try reloading the page." };
  try {
    const page = await listProducts(filter.data as ProductFilter);
    return { ok: true, items: page.items.map(toCardProduct), nextCursor: page.nextCursor };
  } catch (error) {
    if (error instanceof InvalidCursorError) return { ok: false, error: "That listing could not be continued; try reloading the page." };
    throw error;
  }
}
