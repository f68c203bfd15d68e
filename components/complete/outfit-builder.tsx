"use client";
// The outfit builder: the board, the slot to complete, CSA-Net's suggestions and the compatibility meter. The
// outfit and the chosen slot live in the URL (?items=a,b&target=shoes), so a look can be shared or bookmarked.
import { useCallback, useEffect, useMemo, useState } from "react";
import type { SlotId } from "@/lib/ontology";
import { SLOT_LABELS, slotStates } from "@/lib/complete/slots";
import { labelOf } from "@/lib/ontology";
import { CompatibilityMeter } from "./compatibility-meter";
import { OutfitBoard } from "./outfit-board";
import { PieceSearch } from "./piece-search";
import { Suggestions } from "./suggestions";
import { TargetPicker } from "./target-picker";
import { ButtonLink } from "@/components/ui/button";
import { isTryOnSlot } from "@/lib/tryon/slots";
import { postJson, type CompleteAnswer, type Piece, type Suggestion } from "./outfit-types";

interface OutfitBuilderProps {
  initialPieces: Piece[];
  initialTarget: { slot: SlotId; category: string | null } | null;
}

export function OutfitBuilder({ initialPieces, initialTarget }: OutfitBuilderProps) {
  const [pieces, setPieces] = useState(initialPieces);
  const [slot, setSlot] = useState<SlotId | null>(initialTarget?.slot ?? null);
  const [category, setCategory] = useState<string | null>(initialTarget?.category ?? null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [suggestError, setSuggestError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [compat, setCompat] = useState<{ score: number | null; busy: boolean }>({ score: null, busy: false });
  const states = useMemo(() => slotStates(pieces), [pieces]);
  const slotFree = slot !== null && states.find((s) => s.slot === slot)?.free === true;
  const ids = pieces.map((p) => p.id).join(",");
  // Shoes, bags and accessories are kept as worn by try-on, so only the garments it dresses go in the link.
  const wearable = pieces.filter((p) => isTryOnSlot(p.slot));

  useEffect(() => {
    const params = new URLSearchParams();
    if (ids) params.set("items", ids);
    if (slotFree) params.set("target", category ?? slot!);
    const query = params.toString().replace(/%2C/g, ",");
    window.history.replaceState(null, "", query ? `/outfit?${query}` : "/outfit");
  }, [ids, slot, category, slotFree]);

  useEffect(() => {
    if (pieces.length < 2) return setCompat({ score: null, busy: false });
    const controller = new AbortController();
    setCompat((c) => ({ ...c, busy: true }));
    postJson<{ score: number }>("/api/compatibility", { productIds: ids.split(",") }, controller.signal)
      .then((r) => setCompat({ score: r.ok ? r.data.score : null, busy: false }))
      .catch(() => undefined);
    return () => controller.abort();
  }, [ids, pieces.length]);

  useEffect(() => {
    if (!slotFree || !ids) return setSuggestions([]);
    const controller = new AbortController();
    setLoading(true);
    setSuggestError(null);
    postJson<CompleteAnswer>("/api/complete", { productIds: ids.split(","), targetCategory: category ?? slot, k: 8 }, controller.signal)
      .then((r) => {
        setLoading(false);
        if (r.ok) setSuggestions(r.data.items);
        else {
          setSuggestions([]);
          setSuggestError(r.message);
        }
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [ids, slot, category, slotFree]);

  const add = useCallback((piece: Piece) => setPieces((current) => (current.some((p) => p.id === piece.id) ? current : [...current, piece])), []);
  const remove = useCallback((piece: Piece) => setPieces((current) => current.filter((p) => p.id !== piece.id)), []);
  const choose = useCallback((s: SlotId, c: string | null) => {
    setSlot(s);
    setCategory(c);
  }, []);
  const swap = useCallback((piece: Piece) => {
    remove(piece);
    choose(piece.slot, null);
  }, [remove, choose]);

  const targetLabel = category ? labelOf(category) : slot ? SLOT_LABELS[slot] : "";
  return (
    <div className="grid gap-12 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:gap-16">
      <div className="flex flex-col gap-8 lg:sticky lg:top-[96px] lg:self-start">
        {pieces.length === 0 ? (
          <p className="border border-dashed border-line-strong px-6 py-12 text-center text-sm text-muted">
            Start with one piece you love: search below, or use “Complete the look” on any product page.
          </p>
        ) : (
          <OutfitBoard pieces={pieces} states={states} target={slotFree ? slot : null} onFind={(s) => choose(s, null)} onSwap={swap} onRemove={remove} />
        )}
        <CompatibilityMeter score={compat.score} pieces={pieces.length} busy={compat.busy} />
        {wearable.length > 0 && (
          <ButtonLink href={`/try-on?products=${wearable.map((p) => encodeURIComponent(p.id)).join(",")}`} variant="secondary" size="md" prefetch={false} data-testid="try-whole-outfit">
            Try the whole outfit
          </ButtonLink>
        )}
        <PieceSearch outfit={pieces} onAdd={add} />
      </div>
      <div className="flex flex-col gap-8">
        {pieces.length > 0 && <TargetPicker states={states} slot={slotFree ? slot : null} category={slotFree ? category : null} onChange={choose} />}
        {slotFree ? (
          <Suggestions title={`${targetLabel} to go with it`} items={suggestions} loading={loading} error={suggestError} onAdd={(s) => add(s.product)} />
        ) : pieces.length > 0 ? (
          <p className="text-sm text-muted">Pick a slot to see pieces that go with the whole outfit.</p>
        ) : null}
      </div>
    </div>
  );
}
