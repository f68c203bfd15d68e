// Pieces CSA-Net suggests for the chosen slot, best match first, each with an Add button.
import { formatPrice } from "@/components/ui/format";
import type { Suggestion } from "./outfit-types";

interface SuggestionsProps {
  title: string;
  items: Suggestion[];
  loading: boolean;
  error: string | null;
  onAdd: (s: Suggestion) => void;
}

export function Suggestions({ title, items, loading, error, onAdd }: SuggestionsProps) {
  return (
    <section aria-labelledby="suggestions-title" aria-busy={loading} className="flex flex-col gap-4">
      <h2 id="suggestions-title" className="font-display text-2xl text-ink">{title}</h2>
      {error ? (
        <p role="alert" className="border-l-2 border-sale pl-3 text-sm text-ink-soft">{error}</p>
      ) : loading && items.length === 0 ? (
        <ul aria-hidden="true" className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {Array.from({ length: 8 }, (_, i) => <li key={i} className="aspect-square bg-studio motion-safe:animate-[shimmer_1.6s_ease-in-out_infinite]" />)}
        </ul>
      ) : items.length === 0 ? (
        <p className="text-sm text-muted">Nothing in stock goes with this outfit for that slot right now.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-4" data-testid="suggestions">
          {items.map((s) => (
            <li key={s.product.id} className="flex flex-col" data-testid="suggestion" data-id={s.product.id} data-category={s.product.category}>
              <div className="relative aspect-square overflow-hidden bg-studio">
                <img src={s.product.imageUrl} alt={s.product.title} width={256} height={256} loading="lazy" className="size-full object-contain" />
                <span className="eyebrow absolute top-2 right-2 bg-paper/90 px-1.5 py-0.5 text-muted tabular-nums" title="How well it matches the outfit">
                  {Math.round(s.score * 100)}
                </span>
              </div>
              <p className="eyebrow mt-2 text-muted">{s.product.brand}</p>
              <a href={`/products/${s.product.id}`} className="line-clamp-2 text-sm leading-snug text-ink hover:underline">{s.product.title}</a>
              <p className="text-sm text-ink-soft tabular-nums">{formatPrice(s.product.priceCents, s.product.currency)}</p>
              <button
                type="button"
                onClick={() => onAdd(s)}
                className="mt-2 h-9 border border-ink/80 text-xs tracking-wide text-ink transition-colors hover:bg-ink hover:text-paper"
                aria-label={`Add ${s.product.title} to the outfit`}
              >
                Add to outfit
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
