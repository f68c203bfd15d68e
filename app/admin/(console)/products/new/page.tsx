import type { Metadata } from "next";
import Link from "next/link";
import { requireMerchandiser } from "@/lib/auth/current";
import { ProductForm } from "@/components/admin/product-form";
import { productFormOptions } from "@/components/admin/product-form-options";

export const metadata: Metadata = { title: "New product" };

export default async function NewProductPage() {
  await requireMerchandiser("/admin/products/new");
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/products" className="text-sm text-muted hover:text-ink">← Products</Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New product</h1>
      </div>
      <ProductForm
        options={productFormOptions()}
        initial={{ sku: "", title: "", brand: "", price: "", currency: "EUR", category: "", color: "", pattern: "solid", attributes: {}, description: "", inStock: true }}
      />
    </div>
  );
}
