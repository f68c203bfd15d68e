// Which piece to look for: the free slots as a radio group, then (optionally) one category of that slot. Slots the
// outfit cannot take are listed with the reason, never silently hidden.
import { CATEGORIES, type SlotId } from "@/lib/ontology";
import { SLOT_LABELS, type SlotState } from "@/lib/complete/slots";
import { cn } from "@/components/ui/cn";

interface TargetPickerProps {
  states: SlotState[];
  slot: SlotId | null;
  category: string | null;
  onChange: (slot: SlotId, category: string | null) => void;
}

const chip = "h-9 border px-3.5 text-sm transition-colors focus-visible:outline-offset-2";

export function TargetPicker({ states, slot, category, onChange }: TargetPickerProps) {
  const free = states.filter((s) => s.free);
  const taken = states.filter((s) => !s.free);
  return (
    <div className="flex flex-col gap-4">
      <fieldset>
        <legend className="eyebrow text-muted">Find a piece for</legend>
        <div role="radiogroup" aria-label="Slot to complete" className="mt-3 flex flex-wrap gap-2">
          {free.map((s) => (
            <button
              key={s.slot}
              type="button"
              role="radio"
              aria-checked={slot === s.slot}
              onClick={() => onChange(s.slot, null)}
              className={cn(chip, slot === s.slot ? "border-ink bg-ink text-paper" : "border-line-strong text-ink hover:border-ink")}
            >
              {SLOT_LABELS[s.slot]}
            </button>
          ))}
          {free.length === 0 && <p className="text-sm text-muted">Every slot is taken: swap a piece to look for another.</p>}
        </div>
      </fieldset>
      {slot && (
        <div role="radiogroup" aria-label={`Kind of ${SLOT_LABELS[slot].toLowerCase()}`} className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
          {[{ id: null, label: `Any ${SLOT_LABELS[slot].toLowerCase()}` }, ...CATEGORIES.filter((c) => c.slot === slot)].map((c) => (
            <button
              key={c.id ?? "any"}
              type="button"
              role="radio"
              aria-checked={category === c.id}
              onClick={() => onChange(slot, c.id)}
              className={cn("underline-offset-4", category === c.id ? "text-ink underline decoration-ink" : "text-muted hover:text-ink")}
            >
              {c.label}
            </button>
          ))}
        </div>
      )}
      {taken.length > 0 && (
        <details className="text-xs text-muted">
          <summary className="cursor-pointer select-none hover:text-ink">Why some slots are not offered ({taken.length})</summary>
          <ul className="mt-2 flex flex-col gap-1.5">
            {taken.map((s) => (
              <li key={s.slot}><span className="text-ink-soft">{SLOT_LABELS[s.slot]}:</span> {s.reason}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
