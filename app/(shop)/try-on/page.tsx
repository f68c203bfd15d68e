// Try on as its own page (/try-on?products=a,b&person=id): the studio, prefilled from the query string. The page is a
// server component reading the gallery and the named products; the studio is the one client leaf.
import type { Metadata } from "next";
import { getProductsByIds } from "@/lib/catalogue/queries";
import { BODY_SHAPES, SKIN_TONES } from "@/lib/tryon/figures/vocabulary";
import { listPeople } from "@/lib/tryon/people";
import { isTryOnSlot, MAX_TRYON_GARMENTS, slotFree } from "@/lib/tryon/slots";
import { TryOnStudio } from "@/components/tryon/try-on-studio";
import { toGarment, type Garment } from "@/components/tryon/try-on-types";
import type { EngineMode } from "@/components/tryon/use-tryon-engine";

export const metadata: Metadata = { title: "Try on", description: "See garments worn by a model, or by you, before you buy." };
export const dynamic = "force-dynamic";

type Search = Promise<{ products?: string | string[]; person?: string | string[]; engine?: string | string[] }>;

export default async function TryOnPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const ids = [...new Set([params.products ?? []].flat().join(",").split(",").map((s) => s.trim()).filter((s) => s && s.length <= 64))].slice(0, 12);
  const [products, people] = await Promise.all([ids.length ? getProductsByIds(ids) : [], listPeople()]);
  // Keep the named pieces try-on can dress together, in the order given; say what was left out (shoes, a clash).
  const garments: Garment[] = [];
  for (const p of ids.map((id) => products.find((x) => x.id === id)).filter((p) => p !== undefined)) {
    if (isTryOnSlot(p.slot) && slotFree(p.slot, garments).free && garments.length < MAX_TRYON_GARMENTS) garments.push(toGarment(p));
  }
  const dropped = ids.length - garments.length;
  const person = typeof params.person === "string" ? params.person : undefined;
  // ?engine=server|browser pins where the render runs (QA, support); by default the browser is tried first.
  const engine: EngineMode = params.engine === "server" || params.engine === "browser" ? params.engine : "auto";

  return (
    <div className="mx-auto max-w-[1440px] px-5 pb-24 sm:px-8 lg:px-10">
      <header className="pt-10 pb-8 lg:pt-14 lg:pb-10">
        <p className="eyebrow text-muted">Try on</p>
        <h1 className="mt-3 max-w-3xl font-display text-[2.25rem] leading-[1.05] tracking-tight text-ink lg:text-5xl">See it worn before you buy.</h1>
        <p className="mt-3 max-w-2xl text-sm leading-relaxed text-ink-soft">
          Choose a model, or use a photo of yourself, pick a top and bottom, a dress or a coat, and we dress them for you.
        </p>
      </header>
      <TryOnStudio
        people={people}
        initialGarments={garments}
        initialPersonId={person ?? people[0]?.id}
        engine={engine}
        bodyShapes={BODY_SHAPES}
        skinTones={SKIN_TONES}
        notice={dropped > 0 ? `${dropped === 1 ? "One piece" : `${dropped} pieces`} from your link can't be tried on together here (shoes and accessories are kept as worn, and one piece per slot).` : undefined}
      />
    </div>
  );
}
