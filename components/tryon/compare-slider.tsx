"use client";
// Before/after: the result over the original photo, split where the shopper drags. The split is a real range
// input laid over the picture, so it works with a keyboard (arrows, Home/End) and screen readers as well as touch.
import { useId, useState } from "react";

export function CompareSlider({ before, after, alt }: { before: string; after: string; alt: string }) {
  const [split, setSplit] = useState(50);
  const id = useId();
  return (
    <div className="relative aspect-[3/4] w-full overflow-hidden bg-studio select-none" data-testid="tryon-compare">
      <img src={before} alt={`Before: ${alt}`} className="absolute inset-0 size-full object-contain" draggable={false} />
      <img
        src={after}
        alt={`After: ${alt}`}
        className="absolute inset-0 size-full object-contain"
        style={{ clipPath: `inset(0 ${100 - split}% 0 0)` }}
        draggable={false}
        data-testid="tryon-result"
      />
      <div aria-hidden="true" className="pointer-events-none absolute inset-y-0 w-px bg-paper shadow-[0_0_0_1px_rgba(29,27,24,0.25)]" style={{ left: `${split}%` }}>
        <span className="absolute top-1/2 left-1/2 flex size-9 -translate-x-1/2 -translate-y-1/2 items-center justify-center rounded-full bg-paper text-xs text-ink shadow-md">⟷</span>
      </div>
      <span className="pointer-events-none absolute top-3 left-3 bg-paper/85 px-2 py-1 text-[11px] tracking-wide text-ink uppercase">After</span>
      <span className="pointer-events-none absolute top-3 right-3 bg-paper/85 px-2 py-1 text-[11px] tracking-wide text-ink uppercase">Before</span>
      <label htmlFor={id} className="sr-only">Compare before and after: share of the picture showing the result</label>
      <input
        id={id}
        type="range"
        min={0}
        max={100}
        step={1}
        value={split}
        onChange={(e) => setSplit(Number(e.target.value))}
        aria-valuetext={`${split}% after`}
        className="absolute inset-0 size-full cursor-ew-resize opacity-0"
        data-testid="tryon-compare-range"
      />
    </div>
  );
}
