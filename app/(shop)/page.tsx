// The catalogue: a server-rendered, URL-driven listing (filters, search, sort, keyset pages) with the filter panel
// as a sidebar on desktop and a sheet on phones. Only the small interactive leaves ship JavaScript.
import type { Metadata } from "next";
import Link from "next/link";
import { ActiveFilters } from "@/components/catalogue/active-filters";
import { EmptyState } from "@/components/catalogue/empty-state";
import { FilterPanel } from "@/components/catalogue/filter-panel";
import { FilterSheet } from "@/components/catalogue/filter-sheet";
import { activeFilters, hrefOf, readParamsOnly, type SearchParamsRecord } from "@/components/catalogue/filter-url";
import { listingTitle } from "@/components/catalogue/listing-title";
import { LoadMore } from "@/components/catalogue/load-more";
import { ProductCard, ProductGrid } from "@/components/catalogue/product-card";
import { readListing } from "@/components/catalogue/read-listing";
import { SortForm } from "@/components/catalogue/sort-form";
import { formatCount } from "@/components/ui/format";

interface CataloguePageProps {
  searchParams: Promise<SearchParamsRecord>;
}

export async function generateMetadata({ searchParams }: CataloguePageProps): Promise<Metadata> {
  const { documentTitle } = listingTitle(readParamsOnly(await searchParams));
  return { title: documentTitle === "The collection" ? { absolute: "Atelier — the collection" } : documentTitle };
}

export default async function CataloguePage({ searchParams }: CataloguePageProps) {
  const { params, ignored, page, total } = await readListing(await searchParams);
  const currency = page.items[0]?.currency ?? "EUR";
  const title = listingTitle(params);
  const chips = activeFilters(params, currency);
  const listing = new URLSearchParams(params);
  listing.delete("cursor");
  const clear = new URLSearchParams([...params.entries()].filter(([key]) => key === "q" || key === "sort"));
  const clearHref = hrefOf(clear);
  const continuing = params.has("cursor");
  const countLabel = formatCount(total, "piece");

  return (
    <div className="mx-auto max-w-[1440px] px-5 sm:px-8 lg:px-10">
      <header className="pt-10 pb-8 lg:pt-16 lg:pb-12">
        <p className="eyebrow text-muted">{title.eyebrow}</p>
        <h1 className="mt-3 font-display text-[2.5rem] leading-[1.05] tracking-tight text-ink lg:text-6xl">{title.heading}</h1>
        <p className="mt-4 text-sm text-muted tabular-nums" data-testid="result-count">
          {countLabel}
        </p>
      </header>

      <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-12 xl:gap-16">
        <aside aria-label="Filters" className="hidden lg:block">
          <div className="scrollbar-none sticky top-[96px] max-h-[calc(100dvh-112px)] overflow-y-auto border-t border-line pb-10">
            <FilterPanel params={params} currency={currency} idPrefix="side" />
          </div>
        </aside>

        <section aria-labelledby="results-heading" className="min-w-0">
          <h2 id="results-heading" className="sr-only">
            {title.heading}: {countLabel}
          </h2>
          <div className="flex items-center justify-between gap-4 border-y border-line py-3 lg:border-y-0 lg:py-0">
            <div className="lg:hidden">
              <FilterSheet activeCount={chips.length} resultLabel={countLabel} clearHref={chips.length ? clearHref : null}>
                <FilterPanel params={params} currency={currency} idPrefix="sheet" />
              </FilterSheet>
            </div>
            <div className="hidden min-w-0 flex-1 lg:block">
              {chips.length ? <ActiveFilters chips={chips} clearHref={clearHref} /> : <p className="text-sm text-muted">All {countLabel}</p>}
            </div>
            <SortForm params={params} />
          </div>
          {chips.length > 0 && (
            <div className="mt-4 lg:hidden">
              <ActiveFilters chips={chips} clearHref={clearHref} />
            </div>
          )}
          {ignored.length > 0 && (
            <p role="status" className="mt-4 text-sm text-muted">
              Some of this link’s filters are not recognised and were left out ({[...new Set(ignored)].join(", ")}).
            </p>
          )}
          {continuing && (
            <p className="mt-4 text-sm text-muted">
              Later pieces in this listing ·{" "}
              <Link href={hrefOf(listing)} className="underline underline-offset-4 hover:text-ink">
                back to the start
              </Link>
            </p>
          )}

          <div data-results className="mt-8 transition-opacity duration-300">
            {page.items.length > 0 ? (
              <>
                <ProductGrid label={title.heading}>
                  {page.items.map((product, index) => (
                    <ProductCard key={product.id} product={product} eager={index < 4} />
                  ))}
                </ProductGrid>
                <LoadMore key={listing.toString()} query={listing.toString()} cursor={page.nextCursor} shown={page.items.length} total={continuing ? null : total} />
              </>
            ) : (
              <EmptyState query={params.get("q")} chips={chips} clearHref={clearHref} />
            )}
          </div>
        </section>
      </div>
    </div>
  );
}
