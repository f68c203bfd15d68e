import type { Metadata } from "next";
import Link from "next/link";
import { requireMerchandiser } from "@/lib/auth/current";
import { OutfitForm } from "@/components/complete/outfit-form";

export const metadata: Metadata = { title: "New outfit" };

export default async function NewOutfitPage({ searchParams }: { searchParams: Promise<{ items?: string }> }) {
  await requireMerchandiser("/admin/outfits/new");
  const { items } = await searchParams;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/admin/outfits" className="text-sm text-muted hover:text-ink">← Outfits</Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New outfit</h1>
      </div>
      <OutfitForm initial={{ title: "", productIds: (items ?? "").split(",").filter(Boolean), status: "draft", pieces: [] }} />
    </div>
  );
}
