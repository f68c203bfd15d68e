// The filters in force as removable chips, with a way to clear them all (keeping the search words).
import Link from "next/link";
import type { ActiveFilter } from "./filter-url";

export function ActiveFilters({ chips, clearHref }: { chips: ActiveFilter[]; clearHref: string }) {
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <li key={`${chip.facet}:${chip.label}`}>
          <Link
            href={chip.removeHref}
            prefetch={false}
            scroll={false}
            aria-label={`Remove filter ${chip.facet}: ${chip.label}`}
            className="group inline-flex h-8 items-center gap-2 rounded-full border border-line bg-paper pr-2.5 pl-3.5 text-xs text-ink transition-colors hover:border-ink"
          >
            {chip.label}
            <svg viewBox="0 0 10 10" className="size-2.5 text-muted group-hover:text-ink" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.25">
              <path d="M1.5 1.5l7 7M8.5 1.5l-7 7" />
            </svg>
          </Link>
        </li>
      ))}
      {chips.length > 1 && (
        <li>
          <Link href={clearHref} prefetch={false} scroll={false} className="ml-1 text-xs text-muted underline underline-offset-4 hover:text-ink">
            Clear all
          </Link>
        </li>
      )}
    </ul>
  );
}
