"use client";
// Progressive enhancement for the catalogue's filter and sort forms. Without JavaScript they are plain GET forms to
// "/"; with it, each change navigates client-side to the canonical URL (no reload, scroll kept), and after the
// server re-renders, the inputs are synced back to what the URL says — so a chip removed elsewhere un-ticks its
// box here while the focused control keeps focus.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type ReactNode } from "react";
import { canonicalParams, hrefOf } from "./filter-url";

interface FilterFormProps {
  /** The canonical query string the server rendered the inputs from. */
  state: string;
  label: string;
  className?: string;
  children: ReactNode;
}

export function FilterForm({ state, label, className, children }: FilterFormProps) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    if (!pending && form.current) resetToDefaults(form.current);
  }, [state, pending]);

  useEffect(() => {
    // Dims the results while the next listing is on its way (see globals.css).
    document.documentElement.toggleAttribute("data-catalogue-pending", pending);
  }, [pending]);

  function apply(target: HTMLFormElement) {
    const entries = [...new FormData(target).entries()].filter((e): e is [string, string] => typeof e[1] === "string");
    const href = hrefOf(canonicalParams(new URLSearchParams(entries)));
    startTransition(() => router.push(href, { scroll: false }));
  }

  return (
    <form
      ref={form}
      action="/"
      method="get"
      aria-label={label}
      className={className}
      onChange={(event) => {
        const t = event.target;
        // Text and number fields apply on submit (Enter or their button), not on every keystroke.
        if (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && (t.type === "checkbox" || t.type === "radio"))) {
          apply(event.currentTarget);
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
    >
      {children}
    </form>
  );
}

function resetToDefaults(form: HTMLFormElement) {
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement) {
      if (el.type === "checkbox" || el.type === "radio") el.checked = el.defaultChecked;
      else if (el.type !== "hidden" && el.type !== "submit" && document.activeElement !== el) el.value = el.defaultValue;
    } else if (el instanceof HTMLSelectElement) {
      for (const option of Array.from(el.options)) option.selected = option.defaultSelected;
    }
  }
}
