"use client";
// "Load more": a real link to the next keyset page (works without JavaScript), enhanced to append the next page
// in place, announce it to screen readers and move focus to the first new piece.
import { useRef, useState, useTransition } from "react";
import { buttonClasses } from "@/components/ui/button";
import { formatCount } from "@/components/ui/format";
import { loadMoreProducts } from "./actions";
import { ProductCard, ProductGrid, type CardProduct } from "./product-card";

interface LoadMoreProps {
  /** The listing's canonical query string, without a cursor. */
  query: string;
  cursor: string | null;
  shown: number;
  /** Matching pieces in all; unknown (null) when the page was opened part-way through the listing. */
  total: number | null;
}

export function LoadMore({ query, cursor: firstCursor, shown, total }: LoadMoreProps) {
  const [items, setItems] = useState<CardProduct[]>([]);
  const [cursor, setCursor] = useState(firstCursor);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const appended = useRef<HTMLDivElement>(null);
  const count = shown + items.length;

  function loadNext(next: string) {
    const firstNew = items.length;
    startTransition(async () => {
      const result = await loadMoreProducts(query, next);
      if (!result.ok) return setError(result.error);
      setError(null);
      setItems((prev) => [...prev, ...result.items]);
      setCursor(result.nextCursor);
      requestAnimationFrame(() => appended.current?.querySelectorAll("a")[firstNew]?.focus());
    });
  }

  const href = cursor ? `/?${query ? `${query}&` : ""}cursor=${encodeURIComponent(cursor)}` : null;
  return (
    <>
      <div ref={appended}>
        {items.length > 0 && (
          <ProductGrid className="mt-10 xl:mt-14" label="More pieces">
            {items.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </ProductGrid>
        )}
      </div>
      <div className="mt-16 flex flex-col items-center gap-4">
        {total !== null && (
          <>
            <p className="text-xs text-muted tabular-nums" aria-live="polite">
              Showing {formatCount(count, "piece")} of {new Intl.NumberFormat("en-GB").format(total)}
            </p>
            <div aria-hidden="true" className="h-px w-48 bg-line">
              <div className="h-px bg-ink transition-[width] duration-500" style={{ width: `${Math.min(100, (count / Math.max(total, 1)) * 100)}%` }} />
            </div>
          </>
        )}
        {error && (
          <p role="alert" className="text-sm text-sale">
            {error}
          </p>
        )}
        {href && cursor && (
          <a
            href={href}
            data-testid="load-more"
            aria-busy={pending}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              if (!pending) loadNext(cursor);
            }}
            className={buttonClasses("secondary", "md", "mt-2 min-w-48")}
          >
            {pending ? "Loading…" : "Load more"}
          </a>
        )}
      </div>
    </>
  );
}
