import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMerchandiser } from "@/lib/auth/current";
import { getCuratedOutfit } from "@/lib/outfits/queries";
import { Notice } from "@/components/admin/form-controls";
import { OutfitForm } from "@/components/complete/outfit-form";

export const metadata: Metadata = { title: "Edit outfit" };

export default async function EditOutfitPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  await requireMerchandiser(`/admin/outfits/${id}`);
  const [outfit, { created }] = await Promise.all([getCuratedOutfit(id.slice(0, 64)), searchParams]);
  if (!outfit) notFound();
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/outfits" className="text-sm text-muted hover:text-ink">← Outfits</Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{outfit.title}</h1>
      </div>
      {created ? <Notice tone="success">Outfit created.</Notice> : null}
      <OutfitForm
        initial={{
          id: outfit.id, title: outfit.title, status: outfit.status, productIds: outfit.items.map((p) => p.id),
          pieces: outfit.items.map((p) => ({ id: p.id, title: p.title, thumbUrl: p.thumbUrl, category: p.category })),
        }}
      />
    </div>
  );
}
