// Request schemas of the Refine API (SPEC §4), shared by the route handlers and the tests.
import { z } from "zod";
import { CATEGORY_IDS } from "../ontology";
import { MAX_IMAGE_BYTES } from "../images/validate";
import { ALL_CATEGORIES, MAX_K } from "./limits";

const category = z.enum([ALL_CATEGORIES, ...CATEGORY_IDS] as [string, ...string[]], { message: `category must be a category id of the ontology or "${ALL_CATEGORIES}"` });

export const refineBodySchema = z
  .object({
    productId: z.string().min(1).max(64).optional(),
    image: z.string().min(1).optional(),
    text: z.string().trim().min(1, "text: say how the result should differ, e.g. \"is darker with long sleeves\"").max(300),
    k: z.coerce.number().int().min(1).max(MAX_K).optional(),
    category: category.optional(),
  })
  .strict();

export const searchBodySchema = z
  .object({
    query: z.array(z.number().finite()).min(1).max(4096),
    modelVersion: z.string().min(1).max(64),
    text: z.string().trim().min(1).max(300).optional(),
    k: z.coerce.number().int().min(1).max(MAX_K).optional(),
    category: category.optional(),
    excludeId: z.string().min(1).max(64).optional(),
  })
  .strict();

/** A base64 data URL of the largest accepted image, plus room for the other fields. */
export const REFINE_BODY_LIMIT = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 64 * 1024;
