// The outfit laid out by slot, head to toe: a filled tile shows the piece with Swap and Remove; an empty one
// invites a search for that slot, or says why the slot cannot take a piece.
import type { SlotId } from "@/lib/ontology";
import { SLOT_LABELS, SLOT_ORDER, type SlotState } from "@/lib/complete/slots";
import { formatPrice } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";
import type { Piece } from "./outfit-types";

interface OutfitBoardProps {
  pieces: Piece[];
  states: SlotState[];
  target: string | null;
  onFind: (slot: SlotId) => void;
  onSwap: (piece: Piece) => void;
  onRemove: (piece: Piece) => void;
}

export function OutfitBoard({ pieces, states, target, onFind, onSwap, onRemove }: OutfitBoardProps) {
  // A one-piece replaces top and bottom: show its tile instead of theirs, and theirs instead of it otherwise.
  const hasOnePiece = pieces.some((p) => p.slot === "one_piece");
  const slots = SLOT_ORDER.filter((s) => (hasOnePiece ? s !== "top" && s !== "bottom" : s !== "one_piece"));
  return (
    <ul aria-label="Your outfit" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4" data-testid="outfit-board">
      {slots.map((slot) => {
        const piece = pieces.find((p) => p.slot === slot);
        const state = states.find((s) => s.slot === slot)!;
        return piece ? (
          <FilledTile key={slot} slot={slot} piece={piece} onSwap={onSwap} onRemove={onRemove} />
        ) : (
          <EmptyTile key={slot} slot={slot} state={state} active={target === slot} onFind={onFind} />
        );
      })}
    </ul>
  );
}

function FilledTile({ slot, piece, onSwap, onRemove }: { slot: SlotId; piece: Piece; onSwap: (p: Piece) => void; onRemove: (p: Piece) => void }) {
  return (
    <li className="group flex flex-col" data-testid="board-piece" data-id={piece.id} data-slot={slot}>
      <div className="relative aspect-square overflow-hidden bg-studio">
        <img src={piece.thumbUrl || piece.imageUrl} alt={piece.title} width={256} height={256} className="size-full object-contain" />
        <span className="eyebrow absolute top-2 left-2 bg-paper/90 px-1.5 py-0.5 text-muted">{SLOT_LABELS[slot]}</span>
      </div>
      <a href={`/products/${piece.id}`} className="mt-2 line-clamp-1 text-sm text-ink hover:underline">{piece.title}</a>
      <p className="text-xs text-muted tabular-nums">{formatPrice(piece.priceCents, piece.currency)}</p>
      <div className="mt-1.5 flex gap-3 text-xs">
        <button type="button" onClick={() => onSwap(piece)} className="text-ink-soft underline decoration-line-strong underline-offset-4 hover:text-ink" aria-label={`Swap ${piece.title}`}>
          Swap
        </button>
        <button type="button" onClick={() => onRemove(piece)} className="text-muted underline decoration-line underline-offset-4 hover:text-ink" aria-label={`Remove ${piece.title}`}>
          Remove
        </button>
      </div>
    </li>
  );
}

function EmptyTile({ slot, state, active, onFind }: { slot: SlotId; state: SlotState; active: boolean; onFind: (slot: SlotId) => void }) {
  return (
    <li className="flex flex-col" data-testid="board-empty" data-slot={slot}>
      <button
        type="button"
        disabled={!state.free}
        onClick={() => onFind(slot)}
        aria-pressed={active}
        aria-label={state.free ? `Find ${SLOT_LABELS[slot].toLowerCase()} for this outfit` : `${SLOT_LABELS[slot]}: ${state.reason}`}
        className={cn(
          "grid aspect-square place-items-center border border-dashed px-3 text-center transition-colors",
          state.free ? "border-line-strong text-ink-soft hover:border-ink hover:bg-studio" : "cursor-not-allowed border-line text-muted/70",
          active && "border-solid border-ink bg-studio",
        )}
      >
        <span>
          <span className="eyebrow block">{SLOT_LABELS[slot]}</span>
          <span className="mt-1 block text-xs">{state.free ? (active ? "Showing ideas" : "Find one") : "Not available"}</span>
        </span>
      </button>
      {!state.free && <p className="mt-2 text-xs leading-snug text-muted">{state.reason}</p>}
    </li>
  );
}
