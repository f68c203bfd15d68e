"use client";
// Refine's results: product cards; choosing one makes it the next source (multi-turn), the title links to its page.
// The pieces that have every attribute the text names come first; a rule says where the nearest others begin.
import Link from "next/link";
import { formatPrice } from "@/components/ui/format";
import { facetsOf, meetsAll, type Requirement } from "@/lib/refine/understand";
import type { RefineItem } from "./use-refine-engine";

interface RefineResultsProps {
  items?: RefineItem[];
  /** What the text asked in so many words (lib/refine/understand.ts). */
  asked: Requirement[];
  busy: boolean;
  onRefineFrom: (item: RefineItem) => void;
}

export function RefineResults({ items, asked, busy, onRefineFrom }: RefineResultsProps) {
  if (busy && !items) return <ResultsSkeleton />;
  if (!items) {
    return (
      <p className="border-t border-line pt-8 text-sm leading-relaxed text-muted">
        Describe the change in your own words — colour, sleeves, length, pattern, occasion — and we will find pieces that keep the rest.
      </p>
    );
  }
  if (items.length === 0) {
    return <p className="border-t border-line pt-8 text-sm text-muted">Nothing in this category matches yet. Try “every category” or another phrase.</p>;
  }
  const meeting = asked.length ? items.filter((item) => meetsAll(facetsOf(item.product), asked)).length : items.length;
  const wanted = asked.map((r) => r.label).join(" · ");
  return (
    <section aria-label="Refined results" className={busy ? "opacity-50 transition-opacity" : "transition-opacity"}>
      <div className="mb-5 flex flex-wrap items-baseline justify-between gap-2 border-t border-line pt-6">
        <p className="eyebrow text-muted">{items.length} pieces · pick one to refine further</p>
        {wanted && (
          <p className="text-xs text-ink-soft" data-testid="refine-asked">
            {meeting > 0 ? `${meeting} with ` : "None with "}
            <span className="text-ink">{wanted}</span>
            {meeting > 0 ? "" : " here yet: the nearest pieces"}
          </p>
        )}
      </div>
      <ul className="grid grid-cols-2 gap-x-4 gap-y-10 sm:grid-cols-3 sm:gap-x-6 xl:grid-cols-4">
        {items.flatMap((item, i) => [
          ...(asked.length && i === meeting && meeting > 0
            ? [<li key="others" role="presentation" className="col-span-full border-t border-line pt-4 text-xs text-muted">The nearest pieces without all of it</li>]
            : []),
          <li key={item.product.id} className="group" data-testid="refine-result" data-id={item.product.id} data-color={item.product.color} data-category={item.product.category} data-pattern={item.product.pattern} data-sleeve={item.product.attributes.sleeve ?? ""}>
            <button type="button" onClick={() => onRefineFrom(item)} className="relative block aspect-square w-full overflow-hidden bg-studio" aria-label={`Refine from ${item.product.title}`}>
              <img src={item.product.imageUrl} alt={item.product.title} width={512} height={512} loading={i < 8 ? "eager" : "lazy"} className="size-full object-contain transition-transform duration-700 ease-calm motion-safe:group-hover:scale-[1.035]" />
              <span className="eyebrow absolute right-2 bottom-2 bg-paper/90 px-2 py-1 text-ink opacity-0 transition-opacity group-hover:opacity-100 group-focus-within:opacity-100">Refine from this</span>
            </button>
            <div className="mt-3 flex flex-col gap-1 px-0.5">
              <p className="eyebrow text-muted">{item.product.brand}</p>
              <Link href={`/products/${item.product.id}`} className="line-clamp-2 text-sm leading-snug text-ink underline-offset-4 hover:underline">
                {item.product.title}
              </Link>
              <p className="text-sm text-ink-soft tabular-nums">{formatPrice(item.product.priceCents, item.product.currency)}</p>
            </div>
          </li>,
        ])}
      </ul>
    </section>
  );
}

function ResultsSkeleton() {
  return (
    <ul aria-label="Loading results" className="grid grid-cols-2 gap-x-4 gap-y-10 border-t border-line pt-6 sm:grid-cols-3 sm:gap-x-6 xl:grid-cols-4">
      {Array.from({ length: 8 }, (_, i) => (
        <li key={i} className="animate-pulse">
          <div className="aspect-square bg-sand" />
          <div className="mt-3 h-3 w-1/2 bg-sand" />
          <div className="mt-2 h-3 w-3/4 bg-sand" />
        </li>
      ))}
    </ul>
  );
}
