"use client";
// The header's keyword search: a plain GET form (works before hydration), navigating client-side once loaded
// and showing the current query. A new search starts a fresh listing, as shoppers expect.
import Form from "next/form";
import { useSearchParams } from "next/navigation";
import { cn } from "@/components/ui/cn";

export function SearchBox({ className }: { className?: string }) {
  const q = useSearchParams().get("q") ?? "";
  return <SearchForm key={q} defaultValue={q} className={className} />;
}

export function SearchForm({ defaultValue = "", className }: { defaultValue?: string; className?: string }) {
  return (
    <Form action="/" role="search" aria-label="Catalogue" className={cn("relative", className)}>
      <label htmlFor="site-search" className="sr-only">
        Search the catalogue
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search"
        autoComplete="off"
        enterKeyHint="search"
        maxLength={100}
        className="h-10 w-full border-b border-line-strong bg-transparent pr-9 pl-0 text-sm text-ink placeholder:text-muted focus:border-ink focus:outline-none focus-visible:outline-none"
      />
      <button type="submit" className="absolute top-1/2 right-0 grid size-9 -translate-y-1/2 place-items-center text-ink-soft hover:text-ink" aria-label="Search">
        <svg viewBox="0 0 20 20" className="size-4" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="8.5" cy="8.5" r="5.75" />
          <path d="M13 13 L17.5 17.5" strokeLinecap="round" />
        </svg>
      </button>
    </Form>
  );
}
