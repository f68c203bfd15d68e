// A product's facts as a readable spec list: category, colour, pattern, then every ontology attribute it has.
import type { ReactNode } from "react";
import { ATTRIBUTE_NAMES, getCategory, labelOf } from "@/lib/ontology";
import type { Product } from "@/lib/catalogue/types";
import { ColorSwatch } from "@/components/ui/color-swatch";
import { FACET_LABELS } from "./labels";

export function ProductSpecs({ product }: { product: Product }) {
  const rows: { term: string; value: ReactNode }[] = [
    { term: FACET_LABELS.category, value: getCategory(product.category)?.label ?? labelOf(product.category) },
    {
      term: FACET_LABELS.color,
      value: (
        <span className="inline-flex items-center gap-2">
          <ColorSwatch color={product.color} size="sm" />
          {labelOf(product.color)}
        </span>
      ),
    },
    { term: FACET_LABELS.pattern, value: labelOf(product.pattern) },
    ...ATTRIBUTE_NAMES.flatMap((name) => {
      const value = product.attributes[name];
      return value ? [{ term: FACET_LABELS[name], value: labelOf(value) }] : [];
    }),
    { term: "Reference", value: <span className="font-mono text-xs tracking-wide">{product.sku}</span> },
  ];
  return (
    <dl data-testid="product-specs" className="grid grid-cols-[minmax(7rem,auto)_1fr] text-sm">
      {rows.map((row) => (
        <div key={row.term} className="col-span-2 grid grid-cols-subgrid border-b border-line py-3 first:border-t">
          <dt className="text-muted">{row.term}</dt>
          <dd className="text-ink">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
