// The shop's footer: a short note on the collection, departments again, and the merchandisers' way in.
import Link from "next/link";
import { SLOTS } from "@/lib/ontology";
import { SLOT_LABELS } from "@/components/catalogue/labels";
import { Logo } from "./logo";

export function SiteFooter() {
  return (
    <footer className="mt-24 border-t border-line bg-studio">
      <div className="mx-auto grid max-w-[1440px] gap-10 px-5 py-14 sm:px-8 md:grid-cols-[2fr_1fr_1fr] lg:px-10">
        <div className="max-w-sm space-y-4">
          <Logo className="h-4" />
          <p className="text-sm leading-relaxed text-muted">
            A line sheet of considered pieces — every garment drawn as a technical flat, so cut, colour and cloth are
            what you see.
          </p>
        </div>
        <nav aria-label="Shop">
          <h2 className="eyebrow mb-4 text-muted">Shop</h2>
          <ul className="space-y-2 text-sm">
            <li>
              <Link href="/" prefetch={false} className="text-ink-soft hover:text-ink">
                All pieces
              </Link>
            </li>
            {SLOTS.map((slot) => (
              <li key={slot}>
                <Link href={`/?slot=${slot}`} prefetch={false} className="text-ink-soft hover:text-ink">
                  {SLOT_LABELS[slot]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label="Atelier">
          <h2 className="eyebrow mb-4 text-muted">Atelier</h2>
          <ul className="space-y-2 text-sm">
            <li>
              <Link href="/admin" prefetch={false} className="text-ink-soft hover:text-ink">
                Merchandiser sign-in
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <div className="border-t border-line">
        <p className="mx-auto max-w-[1440px] px-5 py-5 text-xs text-muted sm:px-8 lg:px-10">
          © Atelier. Illustrations generated for this catalogue.
        </p>
      </div>
    </footer>
  );
}
