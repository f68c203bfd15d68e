// The request bodies of POST /api/complete and POST /api/compatibility (SPEC §4), validated at the edge. Shape
// problems (missing, duplicated, unknown target) are caught here; rules that need the products themselves (a slot
// the outfit already fills) are checked in lib/complete/complete.ts.
import { z } from "zod";
import { CATEGORY_IDS, SLOTS } from "../ontology";

export const MAX_OUTFIT_ITEMS = 8;
export const MAX_K = 100;

const productIds = z
  .array(z.string().trim().min(1, "a product id cannot be empty").max(64, "a product id is at most 64 characters"), {
    error: "productIds must be a list of product ids",
  })
  .min(1, "The outfit is empty: give at least one product id.")
  .max(MAX_OUTFIT_ITEMS, `An outfit has at most ${MAX_OUTFIT_ITEMS} pieces.`)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>();
    const repeated = [...new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))))];
    if (repeated.length) ctx.addIssue({ code: "custom", message: `Each piece appears once; repeated: ${repeated.join(", ")}.` });
  });

const targets = [...SLOTS, ...CATEGORY_IDS] as string[];

export const completeBodySchema = z
  .object({
    productIds,
    targetCategory: z.string({ error: "targetCategory is required: a category id or a slot id" }).refine((v) => targets.includes(v), {
      error: (issue) => `"${String(issue.input)}" is neither a category nor a slot; use one of ${SLOTS.join(", ")} or a category such as heels, coat, handbag.`,
    }),
    k: z.number().int().min(1).max(MAX_K).default(12),
    /** Only pieces a shopper can buy now (default); false includes sold-out ones. */
    inStock: z.boolean().default(true),
    minPrice: z.number().int().min(0).optional(),
    maxPrice: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((b) => b.minPrice === undefined || b.maxPrice === undefined || b.minPrice <= b.maxPrice, {
    message: "minPrice must not exceed maxPrice",
    path: ["minPrice"],
  });

export const compatibilityBodySchema = z.object({ productIds }).strict();

export type CompleteBody = z.infer<typeof completeBodySchema>;
