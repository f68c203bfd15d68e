// The building blocks of the filter panel: a collapsible facet group and the three kinds of option (checkbox row,
// pill, colour swatch). Every option is a real checkbox with an accessible name, so keyboard and screen-reader
// users get native behaviour; the styling hangs off :checked and :focus-visible.
import type { ReactNode } from "react";
import { ColorSwatch } from "@/components/ui/color-swatch";
import { cn } from "@/components/ui/cn";

export function FacetGroup({ title, selected = 0, open = false, children }: { title: string; selected?: number; open?: boolean; children: ReactNode }) {
  return (
    <details open={open} className="group border-b border-line">
      <summary className="flex items-center justify-between py-4 text-[13px] font-medium tracking-wide text-ink">
        <span>
          {title}
          {selected > 0 && <span className="ml-2 text-muted tabular-nums">({selected})</span>}
        </span>
        <svg viewBox="0 0 12 12" aria-hidden="true" className="size-3 text-muted transition-transform duration-300 group-open:rotate-180" fill="none" stroke="currentColor" strokeWidth="1.25">
          <path d="M2 4.5 L6 8.5 L10 4.5" />
        </svg>
      </summary>
      <fieldset className="pb-5">
        <legend className="sr-only">{title}</legend>
        {children}
      </fieldset>
    </details>
  );
}

interface OptionProps {
  name: string;
  value: string;
  label: string;
  checked: boolean;
}

/** Hidden-but-clickable checkbox laid over its visual, so a click anywhere on the option toggles it. */
const overlayInput = "peer absolute inset-0 z-10 size-full cursor-pointer appearance-none opacity-0";

export function CheckRow({ name, value, label, checked }: OptionProps) {
  return (
    <label className="relative flex items-center gap-3 py-1.5 text-sm text-ink-soft hover:text-ink">
      <input type="checkbox" name={name} value={value} defaultChecked={checked} className={overlayInput} />
      <span
        aria-hidden="true"
        className="grid size-4 shrink-0 place-items-center border border-line-strong bg-paper peer-checked:border-ink peer-checked:bg-ink peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ink [&>svg]:opacity-0 peer-checked:[&>svg]:opacity-100"
      >
        <svg viewBox="0 0 12 12" className="size-3 text-paper" fill="none" stroke="currentColor" strokeWidth="1.75">
          <path d="M2.5 6.2 L5 8.5 L9.5 3.5" />
        </svg>
      </span>
      <span className="peer-checked:text-ink">{label}</span>
    </label>
  );
}

export function CheckPill({ name, value, label, checked }: OptionProps) {
  return (
    <label className="relative inline-flex">
      <input type="checkbox" name={name} value={value} defaultChecked={checked} className={overlayInput} />
      <span className="inline-flex h-8 items-center border border-line px-3 text-xs text-ink-soft transition-colors peer-hover:border-ink-soft peer-checked:border-ink peer-checked:bg-ink peer-checked:text-paper peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ink">
        {label}
      </span>
    </label>
  );
}

export function SwatchOption({ name, value, label, checked }: OptionProps) {
  return (
    <label className="relative flex flex-col items-center gap-1.5" title={label}>
      <input type="checkbox" name={name} value={value} defaultChecked={checked} className={overlayInput} />
      <span className="grid size-9 place-items-center rounded-full ring-1 ring-transparent transition peer-hover:ring-line-strong peer-checked:ring-ink peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-ink">
        <ColorSwatch color={value} size="lg" />
      </span>
      <span className={cn("max-w-full truncate text-[10px] leading-tight text-muted peer-checked:text-ink")}>{label}</span>
    </label>
  );
}
