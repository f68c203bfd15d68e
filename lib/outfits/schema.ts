// A curated outfit as merchandisers write it: a title and its pieces in board order. Slot rules (one piece per slot,
// a one-piece instead of top and bottom) are checked against the products in lib/outfits/write.ts.
import { z } from "zod";

export const OUTFIT_STATUSES = ["draft", "published"] as const;
export type OutfitStatus = (typeof OUTFIT_STATUSES)[number];

export const outfitInputSchema = z.object({
  title: z.string().trim().min(1, "Give the outfit a title.").max(120, "Keep the title under 120 characters."),
  productIds: z
    .array(z.string().trim().min(1).max(64))
    .min(2, "An outfit needs at least two pieces.")
    .max(8, "An outfit has at most 8 pieces.")
    .refine((ids) => new Set(ids).size === ids.length, "Each piece appears once."),
  status: z.enum(OUTFIT_STATUSES).default("draft"),
});

export type OutfitInput = z.input<typeof outfitInputSchema>;

/** "id1, id2\nid3" (pasted from the product list) -> ["id1", "id2", "id3"]. */
export function parseIdList(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}
