import type { Metadata } from "next";
import Link from "next/link";
import { requireMerchandiser } from "@/lib/auth/current";
import { listProductsForAdmin } from "@/lib/catalogue/admin-list";
import { CATEGORIES, labelOf } from "@/lib/ontology";
import { buttonClass, inputClass, Notice } from "@/components/admin/form-controls";
import { formatPrice } from "@/components/ui/format";
import { ColorSwatch } from "@/components/ui/color-swatch";

export const metadata: Metadata = { title: "Products" };

type Search = Promise<{ q?: string; page?: string; category?: string; deleted?: string }>;

export default async function ProductsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  await requireMerchandiser("/admin/products");
  const q = (params.q ?? "").slice(0, 100);
  const category = CATEGORIES.some((c) => c.id === params.category) ? params.category : undefined;
  const list = await listProductsForAdmin({ q, category, page: Number(params.page) || 1 });
  const pageHref = (page: number) => `/admin/products?${new URLSearchParams({ ...(q ? { q } : {}), ...(category ? { category } : {}), page: String(page) })}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Products</h1>
          <p className="mt-1 text-sm text-muted">{list.total.toLocaleString("en")} {q || category ? "matching" : "in the catalogue"}, most recently changed first.</p>
        </div>
        <div className="flex gap-2">
          <Link href="/admin/import" className={buttonClass("secondary")}>Import</Link>
          <Link href="/admin/products/new" className={buttonClass("primary")}>New product</Link>
        </div>
      </div>

      {params.deleted ? <Notice tone="success">Deleted {params.deleted}.</Notice> : null}

      <form role="search" className="flex flex-wrap gap-3" action="/admin/products">
        <label htmlFor="q" className="sr-only">Search products</label>
        <input id="q" name="q" type="search" defaultValue={q} placeholder="SKU, title, brand, color…" className={inputClass + " max-w-sm"} />
        <label htmlFor="category-filter" className="sr-only">Category</label>
        <select id="category-filter" name="category" defaultValue={category ?? ""} className={inputClass + " w-44"}>
          <option value="">All categories</option>
          {CATEGORIES.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
        </select>
        <button type="submit" className={buttonClass("secondary")}>Search</button>
        {q || category ? <Link href="/admin/products" className={buttonClass("ghost")}>Clear</Link> : null}
      </form>

      <div className="overflow-hidden rounded-lg border border-line bg-white shadow-xs">
        {list.items.length ? (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-line bg-studio text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="w-16 px-4 py-2.5"><span className="sr-only">Image</span></th>
                <th scope="col" className="px-3 py-2.5 font-medium">Product</th>
                <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">Category</th>
                <th scope="col" className="hidden px-3 py-2.5 font-medium md:table-cell">Color</th>
                <th scope="col" className="px-3 py-2.5 text-right font-medium">Price</th>
                <th scope="col" className="hidden px-3 py-2.5 font-medium sm:table-cell">Stock</th>
                <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">Updated</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-line/70" data-testid="admin-products">
              {list.items.map((p) => (
                <tr key={p.id} className="group hover:bg-studio/70">
                  <td className="px-4 py-2">
                    {p.thumbUrl ? (
                      // eslint-disable-next-line @next/next/no-img-element -- content-addressed thumbnails, already sized
                      <img src={p.thumbUrl} alt="" width={48} height={48} loading="lazy" className="size-12 rounded border border-line bg-studio object-contain" />
                    ) : <div className="size-12 rounded border border-dashed border-line-strong" />}
                  </td>
                  <td className="px-3 py-2">
                    <Link href={`/admin/products/${p.id}`} className="font-medium text-ink underline-offset-2 group-hover:underline">{p.title}</Link>
                    <div className="mt-0.5 flex gap-2 text-xs text-muted">
                      <span className="font-mono">{p.sku}</span>
                      <span aria-hidden>·</span>
                      <span>{p.brand}</span>
                    </div>
                  </td>
                  <td className="hidden px-3 py-2 text-ink-soft md:table-cell">{labelOf(p.category)}</td>
                  <td className="hidden px-3 py-2 md:table-cell">
                    <span className="inline-flex items-center gap-2 text-ink-soft">
                      <ColorSwatch color={p.color} size="sm" />
                      {labelOf(p.color)}
                    </span>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums text-ink">{formatPrice(p.priceCents, p.currency)}</td>
                  <td className="hidden px-3 py-2 sm:table-cell">
                    <span className={p.inStock ? "text-emerald-700" : "text-muted"}>{p.inStock ? "In stock" : "Out"}</span>
                  </td>
                  <td className="hidden px-4 py-2 text-muted lg:table-cell">{new Date(p.updatedAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="px-6 py-16 text-center text-sm text-muted">{q || category ? "No products match. Try fewer words, or search by SKU." : "The catalogue is empty. Create a product or import a file."}</p>
        )}
      </div>

      {list.pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-between text-sm">
          <p className="text-muted">Page {list.page} of {list.pages.toLocaleString("en")}</p>
          <div className="flex gap-2">
            {list.page > 1 ? <Link href={pageHref(list.page - 1)} className={buttonClass("secondary")} rel="prev">Previous</Link> : null}
            {list.page < list.pages ? <Link href={pageHref(list.page + 1)} className={buttonClass("secondary")} rel="next">Next</Link> : null}
          </div>
        </nav>
      ) : null}
    </div>
  );
}
