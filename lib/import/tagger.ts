// The hook where imported products that lack attributes get them from their image.
//
// Filled by the attribute tagger (training issue): a classifier trained on the generated catalogue will predict
// the ontology attributes that apply to the product's slot and are missing from `input.attributes`, and record
// which ones it filled (Product.taggedAttributes). Until that model exists this returns the input unchanged:
// attributes a merchandiser did not give stay empty, never guessed.
import type { AttributeName } from "../ontology";

export interface TaggableInput {
  category?: unknown;
  attributes: Partial<Record<AttributeName, string>>;
  [key: string]: unknown;
}

export async function tagMissingAttributes<T extends TaggableInput>(image: Uint8Array | null, input: T): Promise<T> {
  void image;
  return input;
}
