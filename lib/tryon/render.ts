import "server-only";
// Try on (SPEC §1, §4): a person (a gallery figure or an uploaded photo) and garments → the photo with the
// garments worn, at the photo's resolution. The body model comes from the figure's ground truth or from parsing the
// photo; O-VITON's shape network predicts the new layout, its appearance network paints it, and the 192×256 result
// is pasted back into the photo through the crop transform (tensors.ts does the arithmetic the worker shares).
import sharp from "sharp";
import { ApiError, badRequest, notFound } from "../api/errors";
import { getProductsByIds } from "../catalogue/queries";
import { db } from "../db";
import { parseImageDataUrl } from "../images/validate";
import { readImage } from "../images/store";
import { log } from "../log";
import { bodyModelTensor, NoFullBodyError, toBodyModel, type BodyModel } from "./body-model";
import type { FigureTruth } from "./figures/photo";
import { parseFromTruth } from "./ground-truth";
import type { PixelImage } from "./parsing/types";
import { checkTryOnSlots } from "./slots";
import { argmaxLayout, composeIntoPhoto, flatPlanes, garmentsTensor, labelsInFrame, oneHotLayout, pasteAlpha, personTensor, photoInFrame, type FlatPlanes } from "./tensors";
import { requireTryOnModels, runAppearance, runShape } from "./sessions";

export interface TryOnInput {
  person: { id: string } | { image: string };
  productIds: string[];
}

export interface TryOnResult {
  png: Buffer;
  width: number;
  height: number;
  tookMs: number;
  modelVersion: string;
}

/** A person ready to dress: decoded photo, body model, and (figures only) the label map in the frame. */
export interface DressablePerson {
  photo: PixelImage;
  body: BodyModel;
  before?: Uint8Array;
}

export async function tryOn(input: TryOnInput): Promise<TryOnResult> {
  const started = performance.now();
  const garments = await loadGarments(input.productIds);
  const person = "id" in input.person ? await galleryPerson(input.person.id) : await uploadedPerson(input.person.image);
  const models = await requireTryOnModels();
  const frame = photoInFrame(person.photo, person.body.crop);
  const garmentInput = garmentsTensor(garments);
  const logits = await runShape(models, bodyModelTensor(person.body), garmentInput);
  const layout = argmaxLayout(logits);
  const image = await runAppearance(models, oneHotLayout(layout), personTensor(frame, person.body, layout, person.before), garmentInput);
  const alpha = pasteAlpha(image, frame, layout, person.body, person.before);
  const composed = composeIntoPhoto(person.photo, image, alpha, person.body.crop);
  const { width, height } = person.photo;
  const png = await sharp(Buffer.from(composed.buffer, composed.byteOffset, composed.byteLength), { raw: { width, height, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
  const tookMs = Math.round((performance.now() - started) * 10) / 10;
  log.info({ tookMs, width, height, garments: input.productIds.length, source: "id" in input.person ? "gallery" : "upload" }, "tryon rendered");
  return { png, width, height, tookMs, modelVersion: models.version };
}

/** The products, checked to be wearable together, each as its flat's four planes. */
async function loadGarments(ids: string[]): Promise<Partial<Record<string, FlatPlanes>>> {
  const unique = [...new Set(ids)];
  if (unique.length !== ids.length) throw badRequest("productIds lists the same product twice.", "duplicate_product");
  const products = await getProductsByIds(unique);
  const missing = unique.filter((id) => !products.some((p) => p.id === id));
  if (missing.length) throw notFound(`No product with id ${missing.map((id) => `"${id}"`).join(", ")}.`);
  const ordered = unique.map((id) => products.find((p) => p.id === id)!);
  const check = checkTryOnSlots(ordered);
  if (!check.ok) throw badRequest(check.message, check.code);
  const entries = await Promise.all(Object.entries(check.bySlot).map(async ([slot, product]) => [slot, await flatOf(product!.imageUrl)] as const));
  return Object.fromEntries(entries);
}

const holder = globalThis as typeof globalThis & { __atelierTryOnFlats?: Map<string, Promise<FlatPlanes>> };
const FLAT_CACHE_SIZE = 256;

/** A flat's planes, cached by image key (content-addressed, so a cached entry is never stale). */
function flatOf(imageUrl: string): Promise<FlatPlanes> {
  const key = imageUrl.split("/").pop() ?? "";
  const cache = (holder.__atelierTryOnFlats ??= new Map());
  let planes = cache.get(key);
  if (!planes) {
    planes = (async () => {
      const bytes = await readImage(key);
      if (!bytes) throw new ApiError(404, "not_found", "A garment's catalogue image is missing.");
      return flatPlanes(await decodeRgb(bytes));
    })();
    cache.set(key, planes);
    planes.catch(() => cache.delete(key));
    if (cache.size > FLAT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return planes;
}

async function decodeRgb(bytes: Buffer): Promise<PixelImage> {
  const { data, info } = await sharp(bytes).rotate().flatten({ background: { r: 246, g: 244, b: 241 } }).toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 3 };
}

export async function galleryPerson(id: string): Promise<DressablePerson> {
  const row = await (await db()).person.findUnique({ where: { id } });
  if (!row || row.hidden) throw notFound(`No model with id "${id.slice(0, 64)}" in the gallery.`);
  const bytes = await readImage(row.imageKey);
  if (!bytes) throw notFound(`The photo of model "${id}" is missing.`);
  const photo = await decodeRgb(bytes);
  const truth = JSON.parse(row.truth || "{}") as Partial<FigureTruth>;
  const labelBytes = truth.parseKey && truth.keypoints?.length === 17 ? await readImage(truth.parseKey) : null;
  // Uploaded gallery photos have no ground truth: they are parsed like a shopper's photo.
  if (!labelBytes || !truth.frame) return { photo, body: await parsedBody(bytes) };
  const { data, info } = await sharp(labelBytes).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const labels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  // Labels are stored at the figure frame; a photo of another size gets them resampled nearest (labels never blend).
  const labelPhoto = info.width === photo.width && info.height === photo.height ? labels : await sharp(labels, { raw: { width: info.width, height: info.height, channels: 1 } })
    .resize(photo.width, photo.height, { kernel: "nearest" }).extractChannel(0).raw().toBuffer();
  const body = toBodyModel(parseFromTruth(truth as FigureTruth, new Uint8Array(labelPhoto), photo.width, photo.height));
  return { photo, body, before: labelsInFrame(new Uint8Array(labelPhoto), photo.width, photo.height, body.crop) };
}

async function uploadedPerson(dataUrl: string): Promise<DressablePerson> {
  const check = await parseImageDataUrl(dataUrl);
  if (!check.ok) throw new ApiError(check.status, check.code, check.message);
  let photo: PixelImage;
  try {
    photo = await decodeRgb(check.data);
  } catch {
    throw new ApiError(422, "corrupt_image", "The photo could not be decoded; try another file.");
  }
  return { photo, body: await parsedBody(check.data) };
}

async function parsedBody(bytes: Buffer): Promise<BodyModel> {
  const { bodyModelFromImage } = await import("./parsing/server");
  try {
    return await bodyModelFromImage(bytes);
  } catch (error) {
    if (error instanceof NoFullBodyError) throw new ApiError(422, "no_full_body", error.message);
    throw error;
  }
}


