import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMerchandiser } from "@/lib/auth/current";
import { getProductForEdit } from "@/lib/catalogue/admin-list";
import { ATTRIBUTE_NAMES } from "@/lib/ontology";
import { imageUrl } from "@/lib/images/store";
import { DeleteProductButton } from "@/components/admin/delete-product-button";
import { Notice } from "@/components/admin/form-controls";
import { priceText } from "@/components/admin/format";
import { ProductForm } from "@/components/admin/product-form";
import { productFormOptions } from "@/components/admin/product-form-options";

export const metadata: Metadata = { title: "Edit product" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> };

export default async function EditProductPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { created } = await searchParams;
  await requireMerchandiser(`/admin/products/${encodeURIComponent(id)}`);
  const product = await getProductForEdit(id);
  if (!product) notFound();
  const master = product.images.find((i) => i.kind === "master") ?? product.images[0];
  const attributes = Object.fromEntries(ATTRIBUTE_NAMES.flatMap((name) => (product[name] ? [[name, product[name] as string]] : [])));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href="/admin/products" className="text-sm text-muted hover:text-ink">← Products</Link>
          <h1 className="mt-2 text-2xl font-semibold tracking-tight">{product.title}</h1>
          <p className="mt-1 text-sm text-muted">
            <span className="font-mono">{product.sku}</span> · id {product.id} · {product.source === "generated" ? "generated catalogue" : `added by ${product.source}`}
          </p>
        </div>
        <div className="flex gap-2">
          <Link href={`/products/${product.id}`} className="inline-flex items-center rounded-md px-3 py-2 text-sm text-muted hover:text-ink">View in shop ↗</Link>
          <DeleteProductButton id={product.id} sku={product.sku} />
        </div>
      </div>
      {created ? <Notice tone="success">Product created. It is in the shop now.</Notice> : null}
      <ProductForm
        key={product.updatedAt.toISOString()}
        options={productFormOptions()}
        initial={{
          id: product.id, sku: product.sku, title: product.title, brand: product.brand, price: priceText(product.priceCents),
          currency: product.currency, category: product.category, color: product.color, pattern: product.pattern, attributes,
          description: product.description, inStock: product.inStock, imageUrl: master ? imageUrl(master.key) : undefined,
        }}
      />
    </div>
  );
}
