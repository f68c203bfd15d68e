"use client";
// Step 2: what to wear. The chosen garments (swap or remove each), and a catalogue search for one slot at a time
// (GET /api/products?slot=&q=), whose results say when a slot is taken and why.
import { useState } from "react";
import { useProductSearch } from "@/components/catalogue/use-product-search";
import { formatPrice } from "@/components/ui/format";
import { GARMENT_SLOTS_TRYON, type TryOnSlot } from "@/lib/tryon/network-io";
import { slotFree, TRYON_SLOT_LABELS } from "@/lib/tryon/slots";
import { toGarment, type Garment } from "./try-on-types";

const SEARCH_NOUNS: Record<TryOnSlot, string> = { top: "tops", bottom: "bottoms", one_piece: "dresses and jumpsuits", outerwear: "outerwear" };

interface GarmentPickerProps {
  garments: Garment[];
  onAdd: (g: Garment) => void;
  onRemove: (g: Garment) => void;
}

export function GarmentPicker({ garments, onAdd, onRemove }: GarmentPickerProps) {
  const [slot, setSlot] = useState<TryOnSlot>(() => GARMENT_SLOTS_TRYON.find((s) => slotFree(s, garments).free) ?? "top");
  const [q, setQ] = useState("");
  const term = q.trim();
  const { results, status } = useProductSearch(`limit=6&slot=${slot}${term.length >= 2 ? `&q=${encodeURIComponent(term)}` : ""}`, toGarment);

  const swap = (g: Garment) => {
    onRemove(g);
    setSlot(g.slot as TryOnSlot);
    setQ("");
  };

  return (
    <section aria-labelledby="tryon-garments" className="flex flex-col gap-4">
      <h2 id="tryon-garments" className="font-display text-xl text-ink"><span className="mr-2 text-muted">2</span>Pick what to wear</h2>
      {garments.length === 0 ? (
        <p className="border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">Nothing chosen yet: add a top, a bottom, a dress or a coat below.</p>
      ) : (
        <ul aria-label="Chosen garments" className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-2 xl:grid-cols-4" data-testid="tryon-garments">
          {garments.map((g) => (
            <li key={g.id} className="flex flex-col" data-testid="tryon-garment" data-id={g.id} data-slot={g.slot}>
              <div className="relative aspect-square bg-studio">
                <img src={g.thumbUrl || g.imageUrl} alt="" className="size-full object-contain" />
                <span className="absolute top-2 left-2 bg-paper/90 px-1.5 py-0.5 text-[10px] tracking-wide text-ink-soft uppercase">{TRYON_SLOT_LABELS[g.slot as TryOnSlot] ?? g.slot}</span>
              </div>
              <p className="mt-2 line-clamp-1 text-xs text-ink">{g.title}</p>
              <div className="mt-1 flex gap-3 text-xs">
                <button type="button" onClick={() => swap(g)} className="text-ink underline decoration-line-strong underline-offset-4 hover:decoration-ink" aria-label={`Swap ${g.title}`}>Swap</button>
                <button type="button" onClick={() => onRemove(g)} className="text-muted underline decoration-line underline-offset-4 hover:text-ink" aria-label={`Remove ${g.title}`}>Remove</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-col gap-3">
        <div role="tablist" aria-label="Search a slot" className="flex flex-wrap gap-2">
          {GARMENT_SLOTS_TRYON.map((s) => (
            <button key={s} type="button" role="tab" aria-selected={slot === s} onClick={() => setSlot(s)} data-testid={`tryon-slot-${s}`}
              className={slot === s ? "h-8 bg-ink px-3 text-xs text-paper" : "h-8 border border-line-strong px-3 text-xs text-ink-soft hover:border-ink"}>
              {TRYON_SLOT_LABELS[s]}
            </button>
          ))}
        </div>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={100} autoComplete="off"
          placeholder={`Search ${SEARCH_NOUNS[slot]}: linen, navy, striped…`} aria-label={`Search ${SEARCH_NOUNS[slot]}`}
          className="h-11 w-full border-b border-line-strong bg-transparent text-sm text-ink placeholder:text-muted focus:border-ink focus:outline-none" data-testid="tryon-search" />
        {status === "error" && <p role="alert" className="text-xs text-sale">Search failed. Try again.</p>}
        <ul aria-label="Search results" aria-busy={status === "loading"} className="flex flex-col divide-y divide-line" data-testid="tryon-search-results">
          {results.map((p) => {
            const state = slotFree(p.slot, garments);
            const chosen = garments.some((g) => g.id === p.id);
            return (
              <li key={p.id} className="flex items-center gap-3 py-2" data-testid="tryon-search-result" data-id={p.id}>
                <img src={p.thumbUrl || p.imageUrl} alt="" width={48} height={48} className="size-12 shrink-0 bg-studio object-contain" />
                <div className="min-w-0 flex-1">
                  <p className="line-clamp-1 text-sm text-ink">{p.title}</p>
                  <p className="text-xs text-muted tabular-nums">{p.brand} · {formatPrice(p.priceCents, p.currency)}</p>
                </div>
                <button type="button" disabled={chosen || !state.free} title={chosen ? "Already chosen" : state.reason} onClick={() => onAdd(p)} aria-label={`Add ${p.title}`}
                  className="h-8 shrink-0 border border-ink/80 px-3 text-xs text-ink hover:bg-ink hover:text-paper disabled:border-line disabled:text-muted disabled:hover:bg-transparent">
                  {chosen ? "Added" : state.free ? "Add" : "Slot taken"}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </section>
  );
}
