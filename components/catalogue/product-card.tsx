// One product in a grid: the flat on its studio background, brand, title, price and stock. Plain markup with no
// hooks, so the server renders the first page and the load-more client renders the next pages with the same card.
import Link from "next/link";
import type { ReactNode } from "react";
import type { ListedProduct } from "@/lib/catalogue/queries";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatPrice } from "@/components/ui/format";

export type CardProduct = Pick<
  ListedProduct,
  "id" | "title" | "brand" | "priceCents" | "currency" | "category" | "slot" | "color" | "pattern" | "imageUrl" | "thumbUrl" | "inStock"
>;

/** Only what a card shows, so client payloads (load more) stay small. */
export function toCardProduct(p: CardProduct): CardProduct {
  const { id, title, brand, priceCents, currency, category, slot, color, pattern, imageUrl, thumbUrl, inStock } = p;
  return { id, title, brand, priceCents, currency, category, slot, color, pattern, imageUrl, thumbUrl, inStock };
}

/** The grid's column widths, so the browser picks the 256 px thumbnail or the 512 px master. */
export const GRID_IMAGE_SIZES = "(min-width: 1280px) 20vw, (min-width: 1024px) 24vw, (min-width: 640px) 31vw, 46vw";

interface ProductCardProps {
  product: CardProduct;
  /** Cards in the first rows load eagerly; the rest wait until scrolled near. */
  eager?: boolean;
  sizes?: string;
  className?: string;
}

export function ProductCard({ product, eager = false, sizes = GRID_IMAGE_SIZES, className }: ProductCardProps) {
  const href = `/products/${product.id}`;
  return (
    <li
      className={cn("group relative", className)}
      data-testid="product-card"
      data-id={product.id}
      data-category={product.category}
      data-slot={product.slot}
      data-color={product.color}
      data-pattern={product.pattern}
      data-in-stock={product.inStock}
    >
      <Link href={href} prefetch={false} className="block focus-visible:outline-offset-4">
        <div className="relative aspect-square overflow-hidden bg-studio">
          <img
            src={product.thumbUrl || product.imageUrl}
            srcSet={product.thumbUrl && product.imageUrl ? `${product.thumbUrl} 256w, ${product.imageUrl} 512w` : undefined}
            sizes={sizes}
            width={512}
            height={512}
            alt={product.title}
            loading={eager ? "eager" : "lazy"}
            fetchPriority={eager ? "high" : undefined}
            decoding="async"
            className={cn(
              "size-full object-contain transition-transform duration-700 ease-calm motion-safe:group-hover:scale-[1.035]",
              !product.inStock && "opacity-60",
            )}
          />
          {!product.inStock && (
            <Badge tone="neutral" className="absolute top-3 left-3">
              Out of stock
            </Badge>
          )}
        </div>
        <div className="mt-3 flex flex-col gap-1 px-0.5">
          <p className="eyebrow text-muted">{product.brand}</p>
          <h3 className="line-clamp-2 text-sm leading-snug text-ink decoration-line-strong underline-offset-4 group-hover:underline">
            {product.title}
          </h3>
          <p className="text-sm text-ink-soft tabular-nums">{formatPrice(product.priceCents, product.currency)}</p>
        </div>
      </Link>
    </li>
  );
}

export function ProductGrid({ children, className, label }: { children: ReactNode; className?: string; label?: string }) {
  return (
    <ul aria-label={label} className={cn("grid grid-cols-2 gap-x-4 gap-y-10 sm:grid-cols-3 sm:gap-x-6 xl:grid-cols-4 xl:gap-y-14", className)}>
      {children}
    </ul>
  );
}
