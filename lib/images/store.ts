// The image store: product and person images normalised with sharp and kept as content-addressed files,
// so a rendition's key never changes meaning and can be cached forever.
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile, access } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { env } from "../env";

export interface Rendition {
  kind: "master" | "thumb";
  key: string;
  width: number;
  height: number;
  bytes: number;
  mime: string;
  data: Buffer;
}

export const MASTER_SIZE = 512;
export const THUMB_SIZE = 256;
/** The light studio background every product sits on. */
export const BACKGROUND = { r: 246, g: 244, b: 241 };

/**
 * Square product renditions (master and thumbnail, WebP) on the studio background. The input is already
 * validated (see validate.ts); `fit: contain` keeps the whole product visible whatever its aspect ratio.
 */
export async function productRenditions(input: Buffer): Promise<Rendition[]> {
  const flattened = await sharp(input, { limitInputPixels: 40_000_000 })
    .rotate()
    .flatten({ background: BACKGROUND })
    .toColourspace("srgb")
    .toBuffer();
  return Promise.all(
    ([["master", MASTER_SIZE], ["thumb", THUMB_SIZE]] as const).map(async ([kind, size]) => {
      const data = await sharp(flattened)
        .resize(size, size, { fit: "contain", background: BACKGROUND })
        .webp({ quality: kind === "master" ? 86 : 80 })
        .toBuffer();
      return { kind, key: keyOf(data, "webp"), width: size, height: size, bytes: data.length, mime: "image/webp", data };
    }),
  );
}

export function keyOf(data: Buffer, extension: string): string {
  return `${createHash("sha256").update(data).digest("hex").slice(0, 32)}.${extension}`;
}

export function imagePath(key: string): string {
  if (!/^[a-f0-9]{32}\.(webp|png|jpg)$/.test(key)) throw new Error(`Invalid image key: ${key}`);
  return path.resolve(env().IMAGE_DIR, key.slice(0, 2), key);
}

export function imageUrl(key: string): string {
  return `/api/images/${key}`;
}

/** Writes a rendition atomically (temp file + rename); an existing key is left as it is. */
export async function saveImage(key: string, data: Buffer): Promise<void> {
  const target = imagePath(key);
  try {
    await access(target);
    return;
  } catch {
    // not stored yet
  }
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temp, data);
  await rename(temp, target);
}

export async function readImage(key: string): Promise<Buffer | null> {
  try {
    return await readFile(imagePath(key));
  } catch {
    return null;
  }
}

/** Model photos are portrait 3:4, as the figures are drawn: 384×512 on the studio background. */
export const PERSON_SIZE = { width: 384, height: 512 } as const;

/** The one rendition a model photo keeps (WebP master); the gallery scales it down in the browser. */
export async function personRendition(input: Buffer): Promise<Rendition> {
  const data = await sharp(input, { limitInputPixels: 40_000_000 })
    .rotate()
    .flatten({ background: BACKGROUND })
    .toColourspace("srgb")
    .resize(PERSON_SIZE.width, PERSON_SIZE.height, { fit: "contain", background: BACKGROUND })
    .webp({ quality: 88 })
    .toBuffer();
  return { kind: "master", key: keyOf(data, "webp"), width: PERSON_SIZE.width, height: PERSON_SIZE.height, bytes: data.length, mime: "image/webp", data };
}
