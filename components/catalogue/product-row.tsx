// A titled row of products ("Also in black", "More knitwear") with a link to the full listing; scrolls sideways
// on phones, a four-up grid on desktop.
import Link from "next/link";
import { ProductCard, type CardProduct } from "./product-card";

interface ProductRowProps {
  title: string;
  href: string;
  linkLabel: string;
  items: CardProduct[];
}

export function ProductRow({ title, href, linkLabel, items }: ProductRowProps) {
  if (items.length === 0) return null;
  const id = `row-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="border-t border-line pt-10">
      <div className="mb-6 flex items-baseline justify-between gap-4">
        <h2 id={id} className="font-display text-2xl text-ink lg:text-3xl">
          {title}
        </h2>
        <Link href={href} prefetch={false} className="shrink-0 text-sm text-ink-soft underline decoration-line-strong underline-offset-4 hover:text-ink hover:decoration-ink">
          {linkLabel}
        </Link>
      </div>
      <ul className="scrollbar-none -mx-5 flex snap-x gap-4 overflow-x-auto px-5 sm:mx-0 sm:grid sm:grid-cols-4 sm:gap-6 sm:overflow-visible sm:px-0">
        {items.slice(0, 4).map((product) => (
          <ProductCard key={product.id} product={product} sizes="(min-width: 640px) 22vw, 44vw" className="w-[44vw] shrink-0 snap-start sm:w-auto" />
        ))}
      </ul>
    </section>
  );
}

export function ProductRowSkeleton() {
  return (
    <div aria-hidden="true" className="border-t border-line pt-10">
      <div className="mb-6 h-7 w-48 bg-sand motion-safe:animate-[shimmer_1.6s_ease-in-out_infinite]" />
      <div className="grid grid-cols-2 gap-4 sm:grid-cols-4 sm:gap-6">
        {Array.from({ length: 4 }, (_, i) => (
          <div key={i} className="aspect-square bg-studio motion-safe:animate-[shimmer_1.6s_ease-in-out_infinite]" />
        ))}
      </div>
    </div>
  );
}
