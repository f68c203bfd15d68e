// The sort order as a small GET form that carries the current filters along; applies on change with JavaScript.
import { SORTS } from "@/lib/catalogue/schema";
import { FilterForm } from "./filter-form";
import { SORT_LABELS } from "./labels";

export function SortForm({ params }: { params: URLSearchParams }) {
  const keep = [...params.entries()].filter(([key]) => key !== "sort" && key !== "cursor");
  return (
    <FilterForm state={params.toString()} label="Sort" className="flex items-center gap-2">
      {keep.map(([key, value]) => (
        <input key={`${key}=${value}`} type="hidden" name={key} value={value} />
      ))}
      <label htmlFor="catalogue-sort" className="hidden text-xs text-muted sm:inline">
        Sort by
      </label>
      <div className="relative">
        <select
          id="catalogue-sort"
          name="sort"
          defaultValue={params.get("sort") ?? "featured"}
          aria-label="Sort by"
          className="h-10 appearance-none border border-line-strong bg-paper pr-9 pl-3 text-sm text-ink hover:border-ink"
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
        <svg viewBox="0 0 12 12" aria-hidden="true" className="pointer-events-none absolute top-1/2 right-3 size-3 -translate-y-1/2 text-muted" fill="none" stroke="currentColor" strokeWidth="1.25">
          <path d="M2 4.5 L6 8.5 L10 4.5" />
        </svg>
      </div>
      <noscript>
        <button type="submit" className="h-10 border border-ink px-3 text-xs">
          Sort
        </button>
      </noscript>
    </FilterForm>
  );
}
