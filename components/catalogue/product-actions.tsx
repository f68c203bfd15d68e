// Where a product's discovery actions go (Refine, Complete the look, Try on, as each capability ships). Each
// capability passes its own client leaf; with none yet, nothing renders — no placeholder buttons.
import type { ReactNode } from "react";

export function ProductActions({ children }: { children?: ReactNode }) {
  const actions = Array.isArray(children) ? children.filter(Boolean) : children ? [children] : [];
  if (actions.length === 0) return null;
  return (
    <section aria-label="Discover from this piece" className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
      {actions}
    </section>
  );
}
