import "server-only";
// The merchandiser's product list: newest edits first, searchable by SKU prefix or by keywords, numbered pages.
// Separate from the shop's listing (queries.ts) because the console needs SKU search and unpublished detail.
import { db } from "../db";
import type { Prisma } from "../generated/prisma-sqlite/client";
import { keywords } from "./queries";
import { thumbUrlOf } from "./rows";

export const ADMIN_PAGE_SIZE = 25;

export interface AdminProductRow {
  id: string;
  sku: string;
  title: string;
  brand: string;
  category: string;
  color: string;
  priceCents: number;
  currency: string;
  inStock: boolean;
  source: string;
  updatedAt: string;
  thumbUrl: string;
}

export interface AdminProductPage {
  items: AdminProductRow[];
  total: number;
  page: number;
  pages: number;
}

export async function listProductsForAdmin({ q, page = 1, category }: { q?: string; page?: number; category?: string }): Promise<AdminProductPage> {
  const where = whereOf(q, category);
  const client = await db();
  const total = await client.product.count({ where });
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  const rows = await client.product.findMany({
    where,
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * ADMIN_PAGE_SIZE,
    take: ADMIN_PAGE_SIZE,
    select: {
      id: true, sku: true, title: true, brand: true, category: true, color: true, priceCents: true, currency: true,
      inStock: true, source: true, updatedAt: true, images: { select: { kind: true, key: true } },
    },
  });
  return {
    items: rows.map(({ images, updatedAt, ...row }) => ({ ...row, updatedAt: updatedAt.toISOString(), thumbUrl: thumbUrlOf({ images }) })),
    total,
    page: current,
    pages,
  };
}

function whereOf(q: string | undefined, category: string | undefined): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = [];
  if (category) and.push({ category });
  const query = q?.trim();
  if (query) {
    const words = keywords(query);
    const byKeywords: Prisma.ProductWhereInput = { AND: words.map((word) => ({ searchText: { contains: ` ${word}` } })) };
    // SKUs are stored as given (usually upper case); try the query as typed and upper-cased.
    const bySku: Prisma.ProductWhereInput[] = [...new Set([query, query.toUpperCase()])].map((prefix) => ({ sku: { startsWith: prefix } }));
    and.push({ OR: words.length ? [...bySku, byKeywords] : bySku });
  }
  return and.length ? { AND: and } : {};
}

export async function getProductForEdit(id: string) {
  return (await db()).product.findUnique({ where: { id }, include: { images: { select: { kind: true, key: true, width: true, height: true } } } });
}
