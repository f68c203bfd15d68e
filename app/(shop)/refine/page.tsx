// Refine as its own page (/refine?from=<id>): the studio, seeded with a product when one is given. The page is a
// server component; only the studio is a client leaf, and it loads the in-browser model lazily.
import type { Metadata } from "next";
import { getProduct } from "@/lib/catalogue/queries";
import { toApiProduct } from "@/lib/catalogue/rows";
import { CATEGORIES } from "@/lib/ontology";
import { refineSuggestions } from "@/lib/refine/suggestions";
import { RefineStudio } from "@/components/refine/refine-studio";
import type { EngineMode } from "@/components/refine/use-refine-engine";

export const metadata: Metadata = { title: "Refine", description: "Pick a piece or upload a photo, and say how it should differ." };

interface RefinePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function RefinePage({ searchParams }: RefinePageProps) {
  const params = await searchParams;
  const from = typeof params.from === "string" && params.from.length <= 64 ? params.from : undefined;
  const product = from ? await getProduct(from) : null;
  const engine: EngineMode = params.engine === "server" || params.engine === "browser" ? params.engine : "auto";

  return (
    <div className="mx-auto max-w-[1440px] px-5 pb-24 sm:px-8 lg:px-10">
      <header className="pt-10 pb-8 lg:pt-14 lg:pb-10">
        <p className="eyebrow text-muted">Refine</p>
        <h1 className="mt-3 max-w-3xl font-display text-[2.25rem] leading-[1.05] tracking-tight text-ink lg:text-5xl">
          Keep what you love. Change what you don’t.
        </h1>
        {from && !product && <p className="mt-4 text-sm text-sale">We couldn’t find that piece. Upload a photo instead, or pick one from the collection.</p>}
      </header>
      <RefineStudio
        key={product?.id ?? "photo"}
        initialSource={product ? { kind: "product", product: toApiProduct(product) } : null}
        suggestions={refineSuggestions()}
        categories={CATEGORIES.map((c) => ({ id: c.id, label: c.label }))}
        engine={engine}
      />
    </div>
  );
}
