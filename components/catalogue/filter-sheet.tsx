"use client";
// On phones the filter panel lives in a modal sheet: a native <dialog> gives focus containment, Escape to close
// and an inert page behind it; filters apply as they are ticked, and the footer shows how many pieces match.
import { useRef, type ReactNode } from "react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

interface FilterSheetProps {
  activeCount: number;
  resultLabel: string;
  clearHref: string | null;
  children: ReactNode;
}

export function FilterSheet({ activeCount, resultLabel, clearHref, children }: FilterSheetProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => dialog.current?.showModal()}
        className="inline-flex h-10 items-center gap-2 border border-line-strong px-4 text-sm text-ink hover:border-ink"
      >
        <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.25">
          <path d="M2 4h12M4.5 8h7M7 12h2" strokeLinecap="round" />
        </svg>
        Filters
        {activeCount > 0 && <span className="grid size-5 place-items-center rounded-full bg-ink text-[11px] text-paper tabular-nums">{activeCount}</span>}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="filter-sheet-title"
        onClick={(event) => {
          if (event.target === event.currentTarget) close(); // a click on the backdrop
        }}
        className="fixed inset-y-0 left-0 m-0 h-dvh max-h-none w-[min(26rem,92vw)] max-w-none bg-paper p-0 text-ink backdrop:bg-ink/35 open:animate-[sheet-in_.3s_var(--ease-calm)] backdrop:open:animate-[fade-in_.3s_ease]"
      >
        <div className="flex h-full flex-col">
          <div className="flex items-center justify-between border-b border-line px-5 py-4">
            <h2 id="filter-sheet-title" className="font-display text-xl">
              Filters
            </h2>
            <button type="button" onClick={close} aria-label="Close filters" className="grid size-10 place-items-center text-ink-soft hover:text-ink">
              <svg viewBox="0 0 16 16" className="size-4" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.25">
                <path d="M3 3l10 10M13 3L3 13" />
              </svg>
            </button>
          </div>
          <div className="flex-1 overflow-y-auto px-5">{children}</div>
          <div className="flex items-center gap-3 border-t border-line px-5 py-4">
            {clearHref && (
              <Link href={clearHref} prefetch={false} scroll={false} className={buttonClasses("link", "md", "text-sm")}>
                Clear all
              </Link>
            )}
            <button type="button" onClick={close} className={buttonClasses("primary", "md", "ml-auto flex-1")}>
              Show {resultLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
