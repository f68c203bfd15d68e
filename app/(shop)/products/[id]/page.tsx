// A product page: the flat large on its studio background, the facts a shopper decides on, and two rows of
// neighbours (same colour in the same slot, same category) so browsing never dead-ends.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getProduct, listNeighbours } from "@/lib/catalogue/queries";
import { getCategory, labelOf } from "@/lib/ontology";
import { ProductActions } from "@/components/catalogue/product-actions";
import { CompleteLookAction } from "@/components/complete/complete-look-action";
import { CuratedOutfits } from "@/components/complete/curated-outfits";
import { ProductRow, ProductRowSkeleton } from "@/components/catalogue/product-row";
import { ProductSpecs } from "@/components/catalogue/product-specs";
import { RefineAction } from "@/components/refine/refine-action";
import { TryOnAction } from "@/components/tryon/try-on-action";
import { Badge } from "@/components/ui/badge";
import { formatPrice } from "@/components/ui/format";

interface ProductPageProps {
  params: Promise<{ id: string }>;
}

async function load(id: string) {
  return id.length > 0 && id.length <= 64 ? getProduct(id) : null;
}

export async function generateMetadata({ params }: ProductPageProps): Promise<Metadata> {
  const product = await load((await params).id);
  return product ? { title: `${product.title} — ${product.brand}`, description: product.description } : { title: "Not found" };
}

export default async function ProductPage({ params }: ProductPageProps) {
  const product = await load((await params).id);
  if (!product) notFound();
  const category = getCategory(product.category);
  const colour = labelOf(product.color);

  return (
    <div className="mx-auto max-w-[1440px] px-5 sm:px-8 lg:px-10">
      <nav aria-label="Breadcrumb" className="pt-6 text-xs text-muted lg:pt-10">
        <ol className="flex flex-wrap items-center gap-2">
          <li>
            <Link href="/" className="hover:text-ink">The collection</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={`/?category=${product.category}`} className="hover:text-ink">{category?.label ?? labelOf(product.category)}</Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page" className="text-ink-soft">{product.title}</li>
        </ol>
      </nav>

      <article className="grid gap-8 pt-6 pb-16 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-16 lg:pt-8" data-testid="product-detail" data-id={product.id}>
        <div className="relative aspect-square overflow-hidden bg-studio">
          <img
            src={product.imageUrl}
            width={512}
            height={512}
            alt={product.title}
            fetchPriority="high"
            className="size-full object-contain"
          />
          {!product.inStock && (
            <Badge tone="neutral" className="absolute top-4 left-4">Out of stock</Badge>
          )}
        </div>

        <div className="flex flex-col gap-6 lg:sticky lg:top-[96px] lg:self-start">
          <header>
            <p className="eyebrow text-muted">{product.brand}</p>
            <h1 className="mt-2 font-display text-3xl leading-tight tracking-tight text-ink lg:text-4xl">{product.title}</h1>
            <p className="mt-3 text-lg text-ink-soft tabular-nums">{formatPrice(product.priceCents, product.currency)}</p>
            <p className="mt-2 text-sm text-muted">{product.inStock ? "In stock" : "Out of stock — check back soon"}</p>
          </header>
          {product.description && <p className="max-w-prose text-sm leading-relaxed text-ink-soft">{product.description}</p>}
          <ProductActions>
            <RefineAction productId={product.id} />
            <CompleteLookAction productId={product.id} />
            <TryOnAction productId={product.id} slot={product.slot} />
          </ProductActions>
          <ProductSpecs product={product} />
        </div>
      </article>

      <div className="flex flex-col gap-14 pb-20">
        <Suspense fallback={null}>
          <CuratedOutfits productId={product.id} />
        </Suspense>
        <Suspense fallback={<ProductRowSkeleton />}>
          <NeighbourRow
            product={product}
            by="color"
            title={`Also in ${colour.toLowerCase()}`}
            href={`/?color=${product.color}&slot=${product.slot}`}
            linkLabel={`All ${colour.toLowerCase()} pieces`}
          />
        </Suspense>
        <Suspense fallback={<ProductRowSkeleton />}>
          <NeighbourRow
            product={product}
            by="category"
            title={`More ${(category?.label ?? labelOf(product.category)).toLowerCase()}s`.replace(/ss$/, "s")}
            href={`/?category=${product.category}`}
            linkLabel="See them all"
          />
        </Suspense>
      </div>
    </div>
  );
}

interface NeighbourRowProps {
  product: Parameters<typeof listNeighbours>[0];
  by: "color" | "category";
  title: string;
  href: string;
  linkLabel: string;
}

async function NeighbourRow({ product, by, title, href, linkLabel }: NeighbourRowProps) {
  const items = await listNeighbours(product, by, 4);
  return <ProductRow title={title} href={href} linkLabel={linkLabel} items={items} />;
}
