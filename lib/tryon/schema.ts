// Request schema of POST /api/tryon (SPEC §4), shared by the route handler and the tests.
import { z } from "zod";
import { MAX_IMAGE_BYTES } from "../images/validate";
import { MAX_TRYON_GARMENTS } from "./slots";

export const tryOnBodySchema = z
  .object({
    personId: z.string().min(1).max(64).optional(),
    personImage: z.string().min(1).optional(),
    productIds: z
      .array(z.string().min(1).max(64))
      .min(1, "pick at least one garment to try on")
      .max(MAX_TRYON_GARMENTS, `at most ${MAX_TRYON_GARMENTS} garments: one top, bottom, one-piece or outerwear each`),
  })
  .strict()
  .refine((b) => Boolean(b.personId) !== Boolean(b.personImage), {
    message: "give exactly one person: personId (a model from the gallery) or personImage (a full-body photo as a data URL)",
  });
export type TryOnBody = z.infer<typeof tryOnBodySchema>;

/** A base64 data URL of the largest accepted photo, plus room for the other fields. */
export const TRYON_BODY_LIMIT = Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 16 * 1024;
