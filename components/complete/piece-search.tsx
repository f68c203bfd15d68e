"use client";
// Adds pieces from the catalogue by keyword: results from GET /api/products, each addable when its slot is free.
import { useState } from "react";
import { useProductSearch } from "@/components/catalogue/use-product-search";
import { slotState, type OutfitPiece } from "@/lib/complete/slots";
import { formatPrice } from "@/components/ui/format";
import { toPiece, type Piece } from "./outfit-types";

export function PieceSearch({ outfit, onAdd }: { outfit: OutfitPiece[]; onAdd: (p: Piece) => void }) {
  const [q, setQ] = useState("");
  const term = q.trim();
  const { results, status } = useProductSearch(term.length >= 2 ? `limit=8&q=${encodeURIComponent(term)}` : null, toPiece);

  return (
    <div className="flex flex-col gap-3">
      <label htmlFor="piece-search" className="eyebrow text-muted">Add from the collection</label>
      <input
        id="piece-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Search: navy blazer, linen trousers…"
        autoComplete="off"
        maxLength={100}
        className="h-11 w-full border-b border-line-strong bg-transparent text-sm text-ink placeholder:text-muted focus:border-ink focus:outline-none"
      />
      {status === "error" && <p role="alert" className="text-xs text-sale">Search failed. Try again.</p>}
      {results.length > 0 && (
        <ul aria-label="Search results" className="flex flex-col divide-y divide-line" data-testid="search-results">
          {results.map((p) => {
            const state = slotState(outfit, p.slot);
            const inOutfit = outfit.some((o) => o.id === p.id);
            return (
              <li key={p.id} className="flex items-center gap-3 py-2" data-testid="search-result" data-id={p.id} data-slot={p.slot}>
                <img src={p.thumbUrl || p.imageUrl} alt="" width={48} height={48} className="size-12 shrink-0 bg-studio object-contain" />
                <div className="min-w-0 flex-1">
                  <p className="line-clamp-1 text-sm text-ink">{p.title}</p>
                  <p className="text-xs text-muted tabular-nums">{formatPrice(p.priceCents, p.currency)}</p>
                </div>
                <button
                  type="button"
                  disabled={inOutfit || !state.free}
                  title={inOutfit ? "Already in the outfit" : state.reason}
                  onClick={() => {
                    onAdd(p);
                    setQ("");
                  }}
                  className="h-8 shrink-0 border border-ink/80 px-3 text-xs text-ink hover:bg-ink hover:text-paper disabled:border-line disabled:text-muted disabled:hover:bg-transparent"
                  aria-label={`Add ${p.title}`}
                >
                  {inOutfit ? "Added" : state.free ? "Add" : "Slot taken"}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
