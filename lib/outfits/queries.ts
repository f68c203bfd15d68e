import "server-only";
// Curated outfits, read: the console's list (in merchandiser order), one outfit with its pieces, and the published
// outfits that contain a product (shown on its page).
import { db } from "../db";
import type { ProductRow } from "../catalogue/rows";
import { listedProduct, type ListedProduct } from "../catalogue/queries";
import { SLOT_ORDER } from "../complete/slots";
import type { OutfitStatus } from "./schema";

export interface CuratedOutfit {
  id: string;
  title: string;
  status: OutfitStatus;
  position: number;
  updatedAt: Date;
  items: ListedProduct[];
}

const WITH_ITEMS = {
  items: { orderBy: { position: "asc" }, include: { product: { include: { images: { select: { kind: true, key: true } } } } } },
} as const;

type OutfitRow = {
  id: string; title: string; status: string; position: number; updatedAt: Date;
  items: { product: ProductRow & { inStock: boolean } }[];
};

function toOutfit(row: OutfitRow): CuratedOutfit {
  return {
    id: row.id,
    title: row.title,
    status: row.status as OutfitStatus,
    position: row.position,
    updatedAt: row.updatedAt,
    items: row.items.map(({ product }) => listedProduct(product)),
  };
}

export async function listCuratedOutfits(status?: OutfitStatus): Promise<CuratedOutfit[]> {
  const rows = await (await db()).outfit.findMany({
    where: { source: "curated", ...(status ? { status } : {}) },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    include: WITH_ITEMS,
  });
  return rows.map((r) => toOutfit(r as unknown as OutfitRow));
}

export async function getCuratedOutfit(id: string): Promise<CuratedOutfit | null> {
  const row = await (await db()).outfit.findFirst({ where: { id, source: "curated" }, include: WITH_ITEMS });
  return row ? toOutfit(row as unknown as OutfitRow) : null;
}

/** Published outfits containing the product, in merchandiser order. */
export async function publishedOutfitsWith(productId: string, limit = 3): Promise<CuratedOutfit[]> {
  const rows = await (await db()).outfit.findMany({
    where: { source: "curated", status: "published", items: { some: { productId } } },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    take: limit,
    include: WITH_ITEMS,
  });
  return rows.map((r) => toOutfit(r as unknown as OutfitRow));
}

/** Pieces sorted head to toe, as the board and the product page show them. */
export function boardOrder<T extends { slot: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => SLOT_ORDER.indexOf(a.slot as never) - SLOT_ORDER.indexOf(b.slot as never));
}
