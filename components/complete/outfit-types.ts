// The shapes the outfit builder's client parts share, and the small fetch helpers for the two APIs.
import type { Product } from "@/lib/catalogue/types";

/** A piece on the board or in suggestions: only what the builder shows. */
export type Piece = Pick<Product, "id" | "title" | "brand" | "priceCents" | "currency" | "category" | "slot" | "color" | "imageUrl"> & {
  thumbUrl?: string;
};

export interface Suggestion { product: Piece; score: number }

export interface CompleteAnswer { items: Suggestion[]; compatibility: number | null; tookMs: number; modelVersion: string }

export type ApiResult<T> = { ok: true; data: T } | { ok: false; message: string };

export async function postJson<T>(url: string, body: unknown, signal?: AbortSignal): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body), signal });
    const json = await response.json();
    if (!response.ok) return { ok: false, message: json?.error?.message ?? `The request failed (${response.status}).` };
    return { ok: true, data: json as T };
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    return { ok: false, message: "Could not reach Atelier. Check your connection and try again." };
  }
}

export function toPiece(p: Piece): Piece {
  const { id, title, brand, priceCents, currency, category, slot, color, imageUrl, thumbUrl } = p;
  return { id, title, brand, priceCents, currency, category, slot, color, imageUrl, thumbUrl };
}
