"use server";
// Console writes for curated outfits. Every action re-checks the session (an action is a public POST endpoint);
// problems come back as values for the form, and the shop's product pages are revalidated after each write.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentMerchandiser } from "@/lib/auth/current";
import { log } from "@/lib/log";
import { parseIdList, OUTFIT_STATUSES, type OutfitStatus } from "@/lib/outfits/schema";
import { createOutfit, deleteOutfit, moveOutfit, OutfitWriteError, setOutfitStatus, updateOutfit } from "@/lib/outfits/write";

export type OutfitFormState = { ok: true; message: string } | { ok: false; message: string; field?: string } | null;

export async function saveOutfit(_previous: OutfitFormState, formData: FormData): Promise<OutfitFormState> {
  if (!(await currentMerchandiser())) return { ok: false, message: "Your session has ended. Sign in again and save once more." };
  const id = String(formData.get("id") ?? "");
  const status = String(formData.get("status") ?? "draft");
  const input = {
    title: String(formData.get("title") ?? ""),
    productIds: parseIdList(String(formData.get("productIds") ?? "")),
    status: (OUTFIT_STATUSES as readonly string[]).includes(status) ? (status as OutfitStatus) : "draft",
  };
  let createdId: string | null = null;
  try {
    if (id) await updateOutfit(id, input);
    else createdId = (await createOutfit(input)).id;
  } catch (error) {
    if (error instanceof OutfitWriteError) return { ok: false, message: error.message, field: error.field };
    log.error({ err: error }, "saving an outfit failed");
    return { ok: false, message: "The outfit could not be saved because of a problem on our side. Please try again." };
  }
  revalidatePath("/products/[id]", "page");
  if (createdId) redirect(`/admin/outfits/${createdId}?created=1`);
  return { ok: true, message: "Saved." };
}

async function guarded(formData: FormData, write: (id: string) => Promise<void>): Promise<void> {
  if (!(await currentMerchandiser())) redirect("/admin/login?next=/admin/outfits");
  const id = String(formData.get("id") ?? "");
  if (id) await write(id);
  revalidatePath("/admin/outfits");
  revalidatePath("/products/[id]", "page");
}

export async function publishOutfit(formData: FormData) {
  await guarded(formData, (id) => setOutfitStatus(id, formData.get("status") === "published" ? "published" : "draft"));
}

export async function reorderOutfit(formData: FormData) {
  await guarded(formData, (id) => moveOutfit(id, formData.get("direction") === "up" ? "up" : "down"));
}

export async function removeOutfit(formData: FormData) {
  await guarded(formData, deleteOutfit);
  redirect("/admin/outfits?deleted=1");
}
