"use server";
// Console product writes. Every action re-checks the session (an action is a public POST endpoint), and returns
// problems as values so the form can show each one next to its field.
import { redirect } from "next/navigation";
import { currentMerchandiser } from "@/lib/auth/current";
import { ATTRIBUTE_NAMES } from "@/lib/ontology";
import { createProduct, deleteProduct as removeProduct, ProductWriteError, updateProduct } from "@/lib/catalogue/write";
import { MAX_IMAGE_BYTES } from "@/lib/images/validate";
import { log } from "@/lib/log";

export type ProductFormState =
  | { ok: true; message: string }
  | { ok: false; error: { message: string; fields: Record<string, string> } }
  | null;

const fail = (message: string, fields: Record<string, string> = {}): ProductFormState => ({ ok: false, error: { message, fields } });

/** "49.90" or "49,9" -> 4990; the form asks for a price, the catalogue stores cents. */
function priceToCents(value: FormDataEntryValue | null): number | string {
  const text = String(value ?? "").trim();
  if (!/^\d{1,6}([.,]\d{1,2})?$/.test(text)) return text;
  return Math.round(Number(text.replace(",", ".")) * 100);
}

function inputFrom(formData: FormData) {
  const text = (name: string) => String(formData.get(name) ?? "");
  const attributes: Record<string, string> = {};
  for (const name of ATTRIBUTE_NAMES) {
    const value = text(name).trim();
    if (value) attributes[name] = value;
  }
  return {
    sku: text("sku"), title: text("title"), brand: text("brand"), priceCents: priceToCents(formData.get("price")),
    currency: text("currency") || "EUR", category: text("category"), color: text("color"), pattern: text("pattern"),
    attributes, description: text("description"), inStock: formData.get("inStock") === "on",
  };
}

async function imageFrom(formData: FormData): Promise<Uint8Array | null | ProductFormState> {
  const file = formData.get("image");
  if (!(file instanceof File) || file.size === 0) return null;
  if (file.size > MAX_IMAGE_BYTES) {
    const message = `The image is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`;
    return fail(message, { image: message });
  }
  return new Uint8Array(await file.arrayBuffer());
}

export async function saveProduct(_previous: ProductFormState, formData: FormData): Promise<ProductFormState> {
  if (!(await currentMerchandiser())) return fail("Your session has ended. Sign in again (in another tab) and save once more.");
  const id = String(formData.get("id") ?? "") || null;
  const image = await imageFrom(formData);
  if (image && !(image instanceof Uint8Array)) return image;
  let createdId: string | null = null;
  try {
    if (id) {
      await updateProduct(id, inputFrom(formData), image);
    } else {
      if (!image) return fail("A new product needs an image.", { image: "Choose an image for the product." });
      createdId = (await createProduct(inputFrom(formData), image, "admin")).id;
    }
  } catch (error) {
    if (error instanceof ProductWriteError) {
      const message = error.code === "invalid_input" ? "Some fields need attention." : error.message;
      return fail(message, error.fields);
    }
    log.error({ err: error }, "saving a product failed");
    return fail("The product could not be saved because of a problem on our side. Please try again.");
  }
  if (createdId) redirect(`/admin/products/${createdId}?created=1`);
  return { ok: true, message: "Saved." };
}

export async function deleteProduct(formData: FormData): Promise<void> {
  if (!(await currentMerchandiser())) redirect("/admin/login");
  const id = String(formData.get("id") ?? "");
  const sku = String(formData.get("sku") ?? "");
  if (id) await removeProduct(id);
  redirect(`/admin/products?deleted=${encodeURIComponent(sku || id)}`);
}
