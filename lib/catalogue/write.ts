import "server-only";
// Catalogue writes (console, admin API, bulk import). Each write is one transaction over the product row and its
// image rows. Image files are stored *before* the transaction and are content-addressed, so a failed transaction
// leaves at most an unreferenced file, never a product without its images or images without their product.
import { randomBytes } from "node:crypto";
import { ApiError } from "../api/errors";
import { db } from "../db";
import type { Prisma } from "../generated/prisma-sqlite/client";
import { productRenditions, saveImage } from "../images/store";
import { validateImage } from "../images/validate";
import { announceCatalogueChange } from "./changes";
import { productRowFields } from "./rows";
import { productInputSchema, type ProductInput } from "./schema";

export type ProductSource = "admin" | "import";

/** Renditions already validated, rendered and written to the image store; only their rows are left to write. */
export interface PreparedImage {
  renditions: { kind: string; key: string; width: number; height: number; bytes: number; mime: string }[];
}

export type WriteErrorCode = "invalid_input" | "duplicate_sku" | "not_found" | "image_required" | "invalid_image";

/** A problem the merchandiser can fix; `status` is what an API would answer, `fields` maps form fields to messages. */
export class ProductWriteError extends Error {
  constructor(
    readonly code: WriteErrorCode,
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }

  toApiError(): ApiError {
    return new ApiError(this.status, this.code, this.message);
  }
}

/**
 * Tells Next that catalogue pages and cached reads are stale. The shop renders catalogue pages from the database
 * on request (no tagged cache), so revalidating the root layout path covers every page. Outside a Next request
 * (CLI import, tests) there is nothing to invalidate, and Next's call throws; that is expected and ignored.
 */
export async function revalidateCatalogue(): Promise<void> {
  announceCatalogueChange();
  try {
    const { revalidatePath } = await import("next/cache");
    revalidatePath("/", "layout");
  } catch {
    // not inside a Next request
  }
}

export interface WrittenProduct {
  id: string;
  sku: string;
  created: boolean;
}

/** Validates (content sniffing, size and pixel limits), renders the renditions and stores their files. */
export async function prepareImage(data: Uint8Array, label?: string): Promise<PreparedImage> {
  const check = await validateImage(data, {}, label);
  if (!check.ok) throw new ProductWriteError("invalid_image", check.message, check.status, { image: check.message });
  let renditions;
  try {
    renditions = await productRenditions(check.data);
  } catch {
    // The header was fine but the pixels are not (a damaged stream): the decoder is the final judge.
    const message = `${label ? `${label}: ` : ""}the image could not be decoded (damaged ${check.type.toUpperCase()} data).`;
    throw new ProductWriteError("invalid_image", message, 422, { image: message });
  }
  await Promise.all(renditions.map((r) => saveImage(r.key, r.data)));
  return { renditions: renditions.map(({ data: _data, ...meta }) => meta) };
}

export function parseProductInput(input: unknown): ProductInput {
  const parsed = productInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // attributes.sleeve -> "sleeve": the form shows attributes as top-level fields.
    const key = issue.path[0] === "attributes" && issue.path.length > 1 ? String(issue.path[1]) : issue.path.map(String).join(".") || "form";
    fields[key] ??= issue.message;
  }
  const summary = Object.entries(fields).map(([field, message]) => `${field}: ${message}`).join("; ");
  throw new ProductWriteError("invalid_input", summary, 400, fields);
}

async function imageOf(image: Uint8Array | PreparedImage | null | undefined): Promise<PreparedImage | null> {
  if (!image) return null;
  return "renditions" in image ? image : prepareImage(image);
}

function newProductId(): string {
  return `p${randomBytes(8).readBigUInt64BE().toString(36)}`;
}

function imageRows(productId: string, image: PreparedImage): Prisma.ProductImageCreateManyInput[] {
  return image.renditions.map((r) => ({ productId, kind: r.kind, key: r.key, width: r.width, height: r.height, bytes: r.bytes, mime: r.mime }));
}

async function replaceImages(tx: Prisma.TransactionClient, productId: string, image: PreparedImage | null): Promise<void> {
  if (!image) return;
  await tx.productImage.deleteMany({ where: { productId } });
  await tx.productImage.createMany({ data: imageRows(productId, image) });
}

function duplicateSku(sku: string, otherId: string): ProductWriteError {
  const message = `SKU ${sku} is already used by another product (${otherId}).`;
  return new ProductWriteError("duplicate_sku", message, 409, { sku: message });
}

/** Unique-constraint races (two writers, same SKU) surface as the same friendly error as the pre-check. */
function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export async function createProduct(input: unknown, image: Uint8Array | PreparedImage, source: ProductSource = "admin"): Promise<WrittenProduct> {
  const product = parseProductInput(input);
  const prepared = await imageOf(image);
  if (!prepared) throw new ProductWriteError("image_required", "A new product needs an image.", 400, { image: "Choose an image for the product." });
  const client = await db();
  try {
    const written = await client.$transaction(async (tx) => {
      const existing = await tx.product.findUnique({ where: { sku: product.sku }, select: { id: true } });
      if (existing) throw duplicateSku(product.sku, existing.id);
      const id = newProductId();
      await tx.product.create({ data: { id, ...productRowFields(product), source } });
      await replaceImages(tx, id, prepared);
      return { id, sku: product.sku, created: true };
    });
    await revalidateCatalogue();
    return written;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateSku(product.sku, "another writer");
    throw error;
  }
}

/** Updates every field; the image is replaced only when a new one is given. */
export async function updateProduct(id: string, input: unknown, image?: Uint8Array | PreparedImage | null): Promise<WrittenProduct> {
  const product = parseProductInput(input);
  const prepared = await imageOf(image);
  const client = await db();
  try {
    const written = await client.$transaction(async (tx) => {
      const current = await tx.product.findUnique({ where: { id }, select: { id: true } });
      if (!current) throw new ProductWriteError("not_found", `Product ${id} does not exist (it may have been deleted).`, 404);
      const clash = await tx.product.findUnique({ where: { sku: product.sku }, select: { id: true } });
      if (clash && clash.id !== id) throw duplicateSku(product.sku, clash.id);
      await tx.product.update({ where: { id }, data: productRowFields(product) });
      await replaceImages(tx, id, prepared);
      return { id, sku: product.sku, created: false };
    });
    await revalidateCatalogue();
    return written;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateSku(product.sku, "another writer");
    throw error;
  }
}

/** Removes the product with its image rows, embeddings and outfit entries (cascades). Image files stay: they are
 * content-addressed and may be shared with other products. Returns false when it was already gone. */
export async function deleteProduct(id: string): Promise<boolean> {
  const { count } = await (await db()).product.deleteMany({ where: { id } });
  if (count > 0) await revalidateCatalogue();
  return count > 0;
}

/**
 * The import's write: creates the product, or updates the one with the same SKU (idempotent, so re-running an
 * import changes nothing twice). A new product needs an image; an existing one keeps its image when none is given.
 */
export async function upsertProductBySku(
  input: unknown,
  image?: Uint8Array | PreparedImage | null,
  { source = "import", revalidate = true }: { source?: ProductSource; revalidate?: boolean } = {},
): Promise<WrittenProduct> {
  const product = parseProductInput(input);
  const prepared = await imageOf(image);
  const client = await db();
  const write = () =>
    client.$transaction(async (tx) => {
      const existing = await tx.product.findUnique({ where: { sku: product.sku }, select: { id: true } });
      if (existing) {
        await tx.product.update({ where: { id: existing.id }, data: productRowFields(product) });
        await replaceImages(tx, existing.id, prepared);
        return { id: existing.id, sku: product.sku, created: false };
      }
      if (!prepared) throw new ProductWriteError("image_required", `SKU ${product.sku} is new, so it needs an image.`, 400, { image: "required for a new product" });
      const id = newProductId();
      await tx.product.create({ data: { id, ...productRowFields(product), source } });
      await replaceImages(tx, id, prepared);
      return { id, sku: product.sku, created: true };
    });
  let written: WrittenProduct;
  try {
    written = await write();
  } catch (error) {
    // Someone else created the SKU between our lookup and insert: now it exists, so this becomes an update.
    if (!isUniqueViolation(error)) throw error;
    written = await write();
  }
  if (revalidate) await revalidateCatalogue();
  return written;
}

export async function findProductIdBySku(sku: string): Promise<string | null> {
  const row = await (await db()).product.findUnique({ where: { sku }, select: { id: true } });
  return row?.id ?? null;
}
