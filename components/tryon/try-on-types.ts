// What the try-on page's client parts share: the gallery person and garment shapes, and the chosen person.
import type { Product } from "@/lib/catalogue/types";
import type { BodyModel } from "@/lib/tryon/body-model";

export interface GalleryPerson { id: string; imageUrl: string; attributes: { pose: string; bodyShape: string; skinTone: string } }

export type Garment = Pick<Product, "id" | "title" | "brand" | "priceCents" | "currency" | "category" | "slot" | "imageUrl"> & { thumbUrl?: string };

/** The person to dress: a gallery model, or the shopper's own photo (kept in the page, never stored) with its body
 * model when the browser parsed it. */
export type ChosenPerson = { kind: "gallery"; person: GalleryPerson } | { kind: "upload"; dataUrl: string; name: string; body?: BodyModel };

export const toGarment = (p: Garment): Garment => {
  const { id, title, brand, priceCents, currency, category, slot, imageUrl, thumbUrl } = p;
  return { id, title, brand, priceCents, currency, category, slot, imageUrl, thumbUrl };
};

export const personImageOf = (p: ChosenPerson) => (p.kind === "gallery" ? p.person.imageUrl : p.dataUrl);

export const labelOfId = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/_/g, " ");
