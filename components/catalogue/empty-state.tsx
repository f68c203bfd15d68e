// What a shopper sees when nothing matches: say so plainly and offer ways out (drop a filter, clear, browse).
import Link from "next/link";
import { SLOTS } from "@/lib/ontology";
import { ButtonLink } from "@/components/ui/button";
import type { ActiveFilter } from "./filter-url";
import { SLOT_LABELS } from "./labels";

export function EmptyState({ query, chips, clearHref }: { query: string | null; chips: ActiveFilter[]; clearHref: string }) {
  return (
    <div data-testid="empty-results" className="mx-auto flex max-w-lg flex-col items-center py-20 text-center">
      <p className="eyebrow text-muted">No pieces found</p>
      <h2 className="mt-3 font-display text-3xl text-ink">{query ? `Nothing matches “${query}”` : "Nothing matches these filters"}</h2>
      <p className="mt-4 text-sm leading-relaxed text-muted">
        {chips.length > 1 ? "Try removing one of the filters below, or start again." : "Try a different word, or browse a department."}
      </p>
      {chips.length > 1 && (
        <ul className="mt-6 flex flex-wrap justify-center gap-2" aria-label="Remove one filter">
          {chips.map((chip) => (
            <li key={`${chip.facet}:${chip.label}`}>
              <Link href={chip.removeHref} prefetch={false} className="inline-flex h-8 items-center rounded-full border border-line px-3.5 text-xs hover:border-ink">
                Without {chip.label}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ButtonLink href={query ? "/" : clearHref} variant="primary" className="mt-8">
        {query ? "See the whole collection" : "Clear all filters"}
      </ButtonLink>
      <nav aria-label="Browse departments" className="mt-10">
        <ul className="flex flex-wrap justify-center gap-x-5 gap-y-2 text-sm">
          {SLOTS.map((slot) => (
            <li key={slot}>
              <Link href={`/?slot=${slot}`} prefetch={false} className="text-ink-soft underline decoration-line-strong underline-offset-4 hover:text-ink hover:decoration-ink">
                {SLOT_LABELS[slot]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
