import type { Metadata } from "next";
import Link from "next/link";
import { requireMerchandiser } from "@/lib/auth/current";
import { boardOrder, listCuratedOutfits } from "@/lib/outfits/queries";
import { buttonClass, Notice } from "@/components/admin/form-controls";
import { publishOutfit, removeOutfit, reorderOutfit } from "./actions";

export const metadata: Metadata = { title: "Outfits" };

export default async function OutfitsPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  await requireMerchandiser("/admin/outfits");
  const [outfits, params] = await Promise.all([listCuratedOutfits(), searchParams]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Outfits</h1>
          <p className="mt-1 text-sm text-muted">Curated looks, in the order product pages show them. Published ones appear on every product they contain; the training export learns from them.</p>
        </div>
        <Link href="/admin/outfits/new" className={buttonClass("primary")}>New outfit</Link>
      </div>
      {params.deleted ? <Notice tone="success">Outfit deleted.</Notice> : null}
      {outfits.length === 0 ? (
        <p className="rounded-lg border border-dashed border-line-strong bg-white px-6 py-16 text-center text-sm text-muted">No outfits yet. Create one from product ids.</p>
      ) : (
        <ol className="divide-y divide-line/70 overflow-hidden rounded-lg border border-line bg-white shadow-xs" data-testid="admin-outfits">
          {outfits.map((outfit, i) => (
            <li key={outfit.id} className="flex flex-wrap items-center gap-4 px-4 py-3" data-testid="admin-outfit" data-id={outfit.id}>
              <span className="w-6 text-right text-sm tabular-nums text-muted">{i + 1}</span>
              <div className="flex -space-x-2">
                {boardOrder(outfit.items).map((p) => (
                  // eslint-disable-next-line @next/next/no-img-element -- content-addressed thumbnails
                  <img key={p.id} src={p.thumbUrl} alt={p.title} width={44} height={44} className="size-11 rounded border border-line bg-studio object-contain" />
                ))}
              </div>
              <div className="min-w-0 flex-1">
                <Link href={`/admin/outfits/${outfit.id}`} className="font-medium text-ink hover:underline">{outfit.title}</Link>
                <p className="text-xs text-muted">{outfit.items.length} pieces · {outfit.status === "published" ? <span className="text-emerald-700">Published</span> : "Draft"}</p>
              </div>
              <div className="flex flex-wrap gap-2">
                <form action={reorderOutfit}>
                  <input type="hidden" name="id" value={outfit.id} />
                  <button name="direction" value="up" disabled={i === 0} className={buttonClass("ghost", "px-2")} aria-label={`Move ${outfit.title} up`}>↑</button>
                  <button name="direction" value="down" disabled={i === outfits.length - 1} className={buttonClass("ghost", "px-2")} aria-label={`Move ${outfit.title} down`}>↓</button>
                </form>
                <form action={publishOutfit}>
                  <input type="hidden" name="id" value={outfit.id} />
                  <button name="status" value={outfit.status === "published" ? "draft" : "published"} className={buttonClass("secondary")}>
                    {outfit.status === "published" ? "Unpublish" : "Publish"}
                  </button>
                </form>
                <form action={removeOutfit}>
                  <input type="hidden" name="id" value={outfit.id} />
                  <button className={buttonClass("danger")} aria-label={`Delete ${outfit.title}`}>Delete</button>
                </form>
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
