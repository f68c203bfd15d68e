// The outfit builder (Complete the look): the pieces named in ?items= on a board by slot, the slot to complete
// (?target=, a slot or category id), CSA-Net's suggestions and the compatibility meter. Server-rendered first
// paint; the builder itself is one client leaf.
import type { Metadata } from "next";
import { getProductsByIds } from "@/lib/catalogue/queries";
import { targetSlot } from "@/lib/complete/slots";
import { MAX_OUTFIT_ITEMS } from "@/lib/complete/schema";
import { getCategory } from "@/lib/ontology";
import { OutfitBuilder } from "@/components/complete/outfit-builder";
import { toPiece } from "@/components/complete/outfit-types";

export const metadata: Metadata = { title: "Complete the look", description: "Build an outfit piece by piece and see what goes with it." };

type Search = Promise<{ items?: string | string[]; target?: string }>;

export default async function OutfitPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const ids = [...new Set([params.items ?? []].flat().join(",").split(",").map((s) => s.trim()).filter((s) => s && s.length <= 64))].slice(0, MAX_OUTFIT_ITEMS);
  const products = ids.length ? await getProductsByIds(ids) : [];
  const slot = params.target ? targetSlot(params.target) : null;
  const initialTarget = slot ? { slot, category: getCategory(params.target!) ? params.target! : null } : null;

  return (
    <div className="mx-auto max-w-[1440px] px-5 pt-8 pb-20 sm:px-8 lg:px-10 lg:pt-12">
      <header className="mb-10 max-w-2xl">
        <p className="eyebrow text-muted">Complete the look</p>
        <h1 className="mt-2 font-display text-3xl leading-tight tracking-tight text-ink lg:text-5xl">Build an outfit</h1>
        <p className="mt-3 text-sm leading-relaxed text-ink-soft">
          Put together the pieces you have in mind, then choose what is missing. Suggestions weigh every piece of the outfit, not just one.
        </p>
      </header>
      <OutfitBuilder key={ids.join(",")} initialPieces={products.map(toPiece)} initialTarget={initialTarget} />
    </div>
  );
}
