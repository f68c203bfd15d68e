// The admin API's product body: the product input (validated again against the ontology by the write) plus an
// optional image as a data URL. Base64 makes a 10 MB image about 13.4 MB, hence the body limit.
import { z } from "zod";

export const ADMIN_BODY_LIMIT = 14 * 1024 * 1024;

export const productBodySchema = z
  .object({
    sku: z.unknown(),
    title: z.unknown(),
    brand: z.unknown(),
    priceCents: z.unknown(),
    currency: z.unknown().optional(),
    category: z.unknown(),
    color: z.unknown(),
    pattern: z.unknown(),
    attributes: z.unknown().optional(),
    description: z.unknown().optional(),
    inStock: z.unknown().optional(),
    image: z.string().max(ADMIN_BODY_LIMIT).optional(),
  })
  .strict();
