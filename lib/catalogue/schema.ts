// Validation of product data at every edge (admin form, import file, API filters), in ontology terms.
import { z } from "zod";
import { ATTRIBUTE_NAMES, CATEGORY_IDS, COLOR_IDS, PATTERNS, attributesForSlot, getCategory, ontology, type AttributeName } from "../ontology";

const oneOf = (values: string[], what: string) =>
  z.string().trim().toLowerCase().refine((v) => values.includes(v), { message: `unknown ${what}; expected one of: ${values.join(", ")}` });

export const categorySchema = oneOf(CATEGORY_IDS, "category");
export const colorSchema = oneOf(COLOR_IDS, "color");
export const patternSchema = oneOf(PATTERNS, "pattern");

export const attributesSchema = z
  .object(Object.fromEntries(ATTRIBUTE_NAMES.map((name) => [name, oneOf(ontology.attributes[name].values, name).optional()])) as unknown as Record<AttributeName, z.ZodOptional<z.ZodType<string>>>)
  .strict();

export const productInputSchema = z
  .object({
    sku: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "SKU may contain letters, digits, '.', '_' and '-'"),
    title: z.string().trim().min(2).max(140),
    brand: z.string().trim().min(1).max(60),
    priceCents: z.coerce.number().int().min(0).max(10_000_000),
    currency: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, "currency is a 3-letter ISO code").default("EUR"),
    category: categorySchema,
    color: colorSchema,
    pattern: patternSchema,
    attributes: attributesSchema.default({}),
    description: z.string().trim().max(2000).default(""),
    inStock: z.boolean().default(true),
  })
  .superRefine((product, ctx) => {
    const slot = getCategory(product.category)?.slot;
    if (!slot) return;
    const allowed = attributesForSlot(slot);
    for (const name of Object.keys(product.attributes) as AttributeName[]) {
      if (product.attributes[name] !== undefined && !allowed.includes(name)) {
        ctx.addIssue({ code: "custom", path: ["attributes", name], message: `${name} does not apply to ${product.category} (slot ${slot})` });
      }
    }
  });

export type ProductInput = z.infer<typeof productInputSchema>;

/** Comma-separated or repeated query values, each checked against the ontology. */
const listOf = (item: z.ZodType<string, string>) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(30))
    .optional();

export const SORTS = ["featured", "price_asc", "price_desc", "newest"] as const;

export const productFilterSchema = z
  .object({
    category: listOf(categorySchema),
    slot: listOf(oneOf(Object.keys(ontology.slots), "slot")),
    color: listOf(colorSchema),
    pattern: listOf(patternSchema),
    ...Object.fromEntries(ATTRIBUTE_NAMES.map((name) => [name, listOf(oneOf(ontology.attributes[name].values, name))])),
    q: z.string().trim().max(100).optional(),
    minPrice: z.coerce.number().int().min(0).optional(),
    maxPrice: z.coerce.number().int().min(0).optional(),
    inStock: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    sort: z.enum(SORTS).default("featured"),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(24),
  })
  .refine((f) => f.minPrice === undefined || f.maxPrice === undefined || f.minPrice <= f.maxPrice, {
    message: "minPrice must not exceed maxPrice",
    path: ["minPrice"],
  });

export type ProductFilter = z.infer<typeof productFilterSchema> & Partial<Record<AttributeName, string[]>>;
