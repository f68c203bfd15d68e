// Validation of model-photo inputs at the edges (the gallery API's filters, the console's upload form), in the
// figure vocabulary: the same ids the generator draws and stores.
import { z } from "zod";
import { BODY_SHAPES, POSES, SKIN_TONE_IDS } from "./figures/vocabulary";

const oneOf = (values: readonly string[], what: string) =>
  z.string().trim().toLowerCase().refine((v) => values.includes(v), { message: `unknown ${what}; expected one of: ${values.join(", ")}` });

export const peopleFilterSchema = z
  .object({
    bodyShape: oneOf(BODY_SHAPES, "bodyShape").optional(),
    skinTone: oneOf(SKIN_TONE_IDS, "skinTone").optional(),
  })
  .strict();
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;

export const personAttributesSchema = z.object({
  pose: oneOf(POSES, "pose"),
  bodyShape: oneOf(BODY_SHAPES, "bodyShape"),
  skinTone: oneOf(SKIN_TONE_IDS, "skinTone"),
});
export type PersonAttributes = z.infer<typeof personAttributesSchema>;
