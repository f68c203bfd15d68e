import "server-only";
// Catalogue read paths: filtered listing with keyset pagination (stable and fast at 100k products: every
// page is an index range scan, never an OFFSET), product lookup, and facet options.
import { ATTRIBUTE_NAMES } from "../ontology";
import { db } from "../db";
import type { Prisma } from "../generated/prisma-sqlite/client";
import { cachedRead, peekRead, primeRead } from "./read-cache";
import { CARD_SELECT, toProduct, thumbUrlOf, type CardRow } from "./rows";
import type { ProductFilter } from "./schema";
import type { Product } from "./types";

export interface ListedProduct extends Product {
  thumbUrl: string;
  inStock: boolean;
}

export interface ProductPage {
  items: ListedProduct[];
  nextCursor: string | null;
}

/** A product card's fields from a row selected with CARD_SELECT. */
export function listedProduct(row: CardRow): ListedProduct {
  return { ...toProduct(row), thumbUrl: thumbUrlOf(row), inStock: row.inStock };
}

export function listProducts(filter: ProductFilter): Promise<ProductPage> {
  return cachedRead(`list:${JSON.stringify(filter)}`, () => queryProducts(filter));
}

async function queryProducts(filter: ProductFilter): Promise<ProductPage> {
  const where = whereOf(filter);
  const cursor = filter.cursor ? decodeCursor(filter.cursor, filter.sort) : undefined;
  const rows = await (await db()).product.findMany({
    where: cursor ? { AND: [where, afterCursor(filter.sort, cursor)] } : where,
    orderBy: orderOf(filter.sort),
    take: filter.limit + 1,
    select: CARD_SELECT,
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(listedProduct),
    nextCursor: rows.length > filter.limit && last ? encodeCursor(filter.sort, last) : null,
  };
}

type PageProduct = ListedProduct & { description: string };
const PAGE_SELECT = { ...CARD_SELECT, description: true } as const;
const productKey = (id: string) => `product:${id}`;

function pageProduct(row: CardRow & { description: string }): PageProduct {
  return { ...listedProduct(row), description: row.description };
}

/** One product, from the read cache (a refine from a product and its page read it on every request). */
export function getProduct(id: string): Promise<PageProduct | null> {
  return cachedRead(productKey(id), async () => {
    const row = await (await db()).product.findUnique({ where: { id }, select: PAGE_SELECT });
    return row ? pageProduct(row) : null;
  });
}

/**
 * Products in the order of `ids` (unknown ids left out), from the same read cache as getProduct: what is not cached
 * is read in one query and cached. Refine's and Complete's results and their outfits read these on every request.
 */
export async function getProductsByIds(ids: string[]): Promise<ListedProduct[]> {
  const found = new Map<string, PageProduct | null>();
  const cached: Promise<void>[] = [];
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = peekRead<PageProduct | null>(productKey(id));
    if (hit) cached.push(hit.then((product) => void found.set(id, product)));
    else missing.push(id);
  }
  if (missing.length) {
    const readAt = Date.now();
    const rows = await (await db()).product.findMany({ where: { id: { in: missing } }, select: PAGE_SELECT });
    for (const row of rows) {
      const product = pageProduct(row);
      primeRead(productKey(row.id), product, readAt);
      found.set(row.id, product);
    }
  }
  await Promise.all(cached);
  return ids.flatMap((id) => {
    const product = found.get(id);
    if (!product) return [];
    const { description: _description, ...listed } = product;
    return [listed];
  });
}

/** How many products match a filter (its cursor, sort and limit ignored); the whole catalogue without one. */
export function countProducts(filter?: ProductFilter): Promise<number> {
  return cachedRead(`count:${JSON.stringify(filter ?? {})}`, async () => (await db()).product.count(filter ? { where: whereOf(filter) } : undefined));
}

/**
 * A product's neighbours sharing one trait — the same colour within its slot, or the same category — in
 * catalogue order starting just after it and wrapping round, so each product page shows a different row.
 */
export async function listNeighbours(
  product: Pick<Product, "id" | "slot" | "category" | "color">,
  by: "color" | "category",
  limit = 8,
): Promise<ListedProduct[]> {
  const client = await db();
  const same: Prisma.ProductWhereInput = by === "color" ? { color: product.color, slot: product.slot } : { category: product.category };
  const query = (where: Prisma.ProductWhereInput, take: number) =>
    client.product.findMany({ where: { AND: [same, where] }, orderBy: { id: "asc" }, take, select: CARD_SELECT });
  const after = await query({ id: { gt: product.id } }, limit);
  const rows = after.length < limit ? [...after, ...(await query({ id: { lt: product.id } }, limit - after.length))] : after;
  return rows.map(listedProduct);
}

function whereOf(filter: ProductFilter): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [];
  if (filter.category?.length) and.push({ category: { in: filter.category } });
  if (filter.slot?.length) and.push({ slot: { in: filter.slot } });
  if (filter.color?.length) and.push({ color: { in: filter.color } });
  if (filter.pattern?.length) and.push({ pattern: { in: filter.pattern } });
  for (const name of ATTRIBUTE_NAMES) {
    const values = filter[name];
    if (values?.length) and.push({ [name]: { in: values } });
  }
  if (filter.minPrice !== undefined) and.push({ priceCents: { gte: filter.minPrice } });
  if (filter.maxPrice !== undefined) and.push({ priceCents: { lte: filter.maxPrice } });
  if (filter.inStock !== undefined) and.push({ inStock: filter.inStock });
  for (const word of keywords(filter.q)) and.push({ searchText: { contains: ` ${word}` } });
  return and.length ? { AND: and } : {};
}

/** Lower-cased words of a query; each must start a word of the product's search text. */
export function keywords(q: string | undefined): string[] {
  if (!q) return [];
  return q.toLowerCase().replace(/[^a-z0-9à-ÿ]+/g, " ").trim().split(" ").filter(Boolean).slice(0, 8);
}

type Sort = ProductFilter["sort"];
interface CursorValue { id: string; price?: number; created?: string }

function orderOf(sort: Sort): Prisma.ProductOrderByWithRelationInput[] {
  switch (sort) {
    case "price_asc": return [{ priceCents: "asc" }, { id: "asc" }];
    case "price_desc": return [{ priceCents: "desc" }, { id: "desc" }];
    case "newest": return [{ createdAt: "desc" }, { id: "desc" }];
    default: return [{ id: "asc" }];
  }
}

function afterCursor(sort: Sort, c: CursorValue): Prisma.ProductWhereInput {
  switch (sort) {
    case "price_asc": return { OR: [{ priceCents: { gt: c.price } }, { priceCents: c.price, id: { gt: c.id } }] };
    case "price_desc": return { OR: [{ priceCents: { lt: c.price } }, { priceCents: c.price, id: { lt: c.id } }] };
    case "newest": {
      const created = new Date(c.created ?? 0);
      return { OR: [{ createdAt: { lt: created } }, { createdAt: created, id: { lt: c.id } }] };
    }
    default: return { id: { gt: c.id } };
  }
}

function encodeCursor(sort: Sort, row: { id: string; priceCents: number; createdAt: Date }): string {
  const value: CursorValue = { id: row.id };
  if (sort.startsWith("price")) value.price = row.priceCents;
  if (sort === "newest") value.created = row.createdAt.toISOString();
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export class InvalidCursorError extends Error {}

function decodeCursor(cursor: string, sort: Sort): CursorValue {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorValue;
    if (typeof value.id !== "string") throw new Error("no id");
    if (sort.startsWith("price") && typeof value.price !== "number") throw new Error("no price");
    if (sort === "newest" && typeof value.created !== "string") throw new Error("no date");
    return value;
  } catch {
    throw new InvalidCursorError("cursor is not valid for this listing; start again without it");
  }
}
