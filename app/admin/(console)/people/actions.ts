"use server";
// Console writes for model photos. Every action re-checks the session (an action is a public POST endpoint);
// upload problems come back as values for the form, and the gallery page is revalidated after each write.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { currentMerchandiser } from "@/lib/auth/current";
import { MAX_IMAGE_BYTES } from "@/lib/images/validate";
import { log } from "@/lib/log";
import { createUploadedPerson, movePerson, PersonUploadError, setPersonHidden } from "@/lib/tryon/people";

export type PersonUploadState = { ok: true; message: string } | { ok: false; message: string; field?: string } | null;

async function guarded(formData: FormData, write: (id: string) => Promise<void>): Promise<void> {
  if (!(await currentMerchandiser())) redirect("/admin/login?next=/admin/people");
  const id = String(formData.get("id") ?? "");
  if (id) await write(id);
  revalidatePath("/admin/people");
}

export async function togglePersonHidden(formData: FormData) {
  await guarded(formData, (id) => setPersonHidden(id, formData.get("hidden") === "true"));
}

export async function reorderPerson(formData: FormData) {
  await guarded(formData, (id) => movePerson(id, formData.get("direction") === "up" ? "up" : "down"));
}

export async function uploadPerson(_previous: PersonUploadState, formData: FormData): Promise<PersonUploadState> {
  if (!(await currentMerchandiser())) return { ok: false, message: "Your session has ended. Sign in again and upload once more." };
  const file = formData.get("image");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a full-body photo to upload.", field: "image" };
  // Refused before reading the bytes, as product uploads are.
  if (file.size > MAX_IMAGE_BYTES) return { ok: false, message: `The image is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`, field: "image" };
  try {
    await createUploadedPerson(new Uint8Array(await file.arrayBuffer()), {
      pose: String(formData.get("pose") ?? ""), bodyShape: String(formData.get("bodyShape") ?? ""), skinTone: String(formData.get("skinTone") ?? ""),
    });
  } catch (error) {
    if (error instanceof PersonUploadError) return { ok: false, message: error.message, field: error.field ?? undefined };
    log.error({ err: error }, "uploading a model photo failed");
    return { ok: false, message: "The photo could not be saved because of a problem on our side. Please try again." };
  }
  revalidatePath("/admin/people");
  return { ok: true, message: "Model photo added at the end of the gallery." };
}
