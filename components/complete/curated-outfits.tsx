// "Styled with": published curated outfits that contain this product, each a strip of its pieces with a link to
// open it in the outfit builder. Renders nothing when merchandisers have not styled the piece yet.
import Link from "next/link";
import { boardOrder, publishedOutfitsWith } from "@/lib/outfits/queries";
import { formatPrice } from "@/components/ui/format";
import { cn } from "@/components/ui/cn";

export async function CuratedOutfits({ productId }: { productId: string }) {
  const outfits = await publishedOutfitsWith(productId, 3);
  if (outfits.length === 0) return null;
  return (
    <section aria-labelledby="styled-with" className="border-t border-line pt-10" data-testid="curated-outfits">
      <h2 id="styled-with" className="mb-6 font-display text-2xl text-ink lg:text-3xl">Styled by our team</h2>
      <ul className="flex flex-col gap-8">
        {outfits.map((outfit) => {
          const items = boardOrder(outfit.items);
          const total = items.reduce((sum, p) => sum + p.priceCents, 0);
          return (
            <li key={outfit.id} className="flex flex-col gap-3" data-testid="curated-outfit">
              <div className="flex items-baseline justify-between gap-4">
                <h3 className="text-sm text-ink">{outfit.title}</h3>
                <Link href={`/outfit?items=${items.map((p) => p.id).join(",")}`} prefetch={false} className="shrink-0 text-sm text-ink-soft underline decoration-line-strong underline-offset-4 hover:text-ink">
                  Open in the outfit builder
                </Link>
              </div>
              <ul className="scrollbar-none -mx-5 flex gap-3 overflow-x-auto px-5 sm:mx-0 sm:px-0">
                {items.map((p) => (
                  <li key={p.id} className="w-[34vw] shrink-0 sm:w-40">
                    <Link href={`/products/${p.id}`} prefetch={false} className="group block">
                      <div className={cn("aspect-square bg-studio", p.id === productId && "ring-1 ring-ink")}>
                        <img src={p.thumbUrl || p.imageUrl} alt={p.title} width={256} height={256} loading="lazy" className="size-full object-contain" />
                      </div>
                      <p className="mt-2 line-clamp-1 text-xs text-ink group-hover:underline">{p.title}</p>
                      <p className="text-xs text-muted tabular-nums">{formatPrice(p.priceCents, p.currency)}</p>
                    </Link>
                  </li>
                ))}
              </ul>
              <p className="text-xs text-muted">The look: {formatPrice(total, items[0]?.currency ?? "EUR")}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
