// The catalogue page's heading and document title, from what is being browsed: a search, one category, one
// department, or the whole collection.
import { getCategory, type SlotId } from "@/lib/ontology";
import { SLOT_LABELS } from "./labels";

export interface ListingTitle {
  /** Small line above the heading (where we are). */
  eyebrow: string;
  heading: string;
  /** For <title>. */
  documentTitle: string;
}

export function listingTitle(params: URLSearchParams): ListingTitle {
  const q = params.get("q");
  const slots = params.getAll("slot") as SlotId[];
  const categories = params.getAll("category");
  const slot = slots.length === 1 ? slots[0] : undefined;
  const category = categories.length === 1 ? getCategory(categories[0]!) : undefined;
  const department = slot ? SLOT_LABELS[slot] : category ? SLOT_LABELS[category.slot] : undefined;
  if (q) return { eyebrow: "Search", heading: `“${q}”`, documentTitle: `Search: ${q}` };
  if (category) return { eyebrow: department ?? "The collection", heading: category.label, documentTitle: category.label };
  if (slot) return { eyebrow: "The collection", heading: SLOT_LABELS[slot], documentTitle: SLOT_LABELS[slot] };
  return { eyebrow: "Atelier", heading: "The collection", documentTitle: "The collection" };
}
