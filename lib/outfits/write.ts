import "server-only";
// Curated outfits, written: create, edit, publish or unpublish, move up or down, delete. Each write is one
// transaction; bad input (unknown pieces, two pairs of shoes) is refused before anything changes.
import { db } from "../db";
import { outfitProblem } from "../complete/slots";
import { getCategory, type SlotId } from "../ontology";
import { outfitInputSchema, type OutfitInput, type OutfitStatus } from "./schema";

export class OutfitWriteError extends Error {
  constructor(message: string, readonly field?: "title" | "productIds") {
    super(message);
  }
}

async function validated(input: OutfitInput) {
  const parsed = outfitInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new OutfitWriteError(issue.message, issue.path[0] === "title" ? "title" : "productIds");
  }
  const { productIds } = parsed.data;
  const found = await (await db()).product.findMany({ where: { id: { in: productIds } }, select: { id: true, category: true } });
  const missing = productIds.filter((id) => !found.some((p) => p.id === id));
  if (missing.length) throw new OutfitWriteError(`No product with id ${missing.join(", ")}.`, "productIds");
  const pieces = found.map((p) => ({ id: p.id, category: p.category, slot: (getCategory(p.category)?.slot ?? "accessory") as SlotId }));
  const problem = outfitProblem(pieces);
  if (problem) throw new OutfitWriteError(problem, "productIds");
  return parsed.data;
}

export async function createOutfit(input: OutfitInput): Promise<{ id: string }> {
  const data = await validated(input);
  const client = await db();
  return client.$transaction(async (tx) => {
    const last = await tx.outfit.aggregate({ where: { source: "curated" }, _max: { position: true } });
    return tx.outfit.create({
      data: {
        title: data.title, status: data.status, source: "curated", position: (last._max.position ?? -1) + 1,
        items: { create: data.productIds.map((productId, position) => ({ productId, position })) },
      },
      select: { id: true },
    });
  });
}

export async function updateOutfit(id: string, input: OutfitInput): Promise<void> {
  const data = await validated(input);
  const client = await db();
  await client.$transaction(async (tx) => {
    const existing = await tx.outfit.findFirst({ where: { id, source: "curated" }, select: { id: true } });
    if (!existing) throw new OutfitWriteError("This outfit no longer exists.");
    await tx.outfitItem.deleteMany({ where: { outfitId: id } });
    await tx.outfit.update({
      where: { id },
      data: { title: data.title, status: data.status, items: { create: data.productIds.map((productId, position) => ({ productId, position })) } },
    });
  });
}

export async function setOutfitStatus(id: string, status: OutfitStatus): Promise<void> {
  await (await db()).outfit.updateMany({ where: { id, source: "curated" }, data: { status } });
}

/** Swaps the outfit with its neighbour above or below; positions are renumbered 0..n-1 on the way. */
export async function moveOutfit(id: string, direction: "up" | "down"): Promise<void> {
  const client = await db();
  await client.$transaction(async (tx) => {
    const ordered = await tx.outfit.findMany({ where: { source: "curated" }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
    const at = ordered.findIndex((o) => o.id === id);
    const to = direction === "up" ? at - 1 : at + 1;
    if (at < 0 || to < 0 || to >= ordered.length) return;
    [ordered[at], ordered[to]] = [ordered[to], ordered[at]];
    for (const [position, o] of ordered.entries()) await tx.outfit.update({ where: { id: o.id }, data: { position } });
  });
}

export async function deleteOutfit(id: string): Promise<void> {
  await (await db()).outfit.deleteMany({ where: { id, source: "curated" } });
}
