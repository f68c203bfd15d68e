// Upload checks that run before any image is decoded: byte size, content sniffing by magic bytes (the declared
// type and file name are ignored, so an SVG or HTML file renamed .png is refused), a structural completeness check
// (truncated files), and the pixel count read from the header alone (pixel bombs). Decoding happens later, in the
// image store, only for files that passed.
import sharp from "sharp";

export type ImageType = "png" | "jpeg" | "webp" | "gif";

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
/** Same ceiling as the image store's decoder (store.ts), so anything accepted here can be rendered there. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MIN_IMAGE_SIDE = 64;

export const ACCEPTED_MIME: Record<ImageType, string> = { png: "image/png", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

export interface ImageLimits {
  maxBytes?: number;
  maxPixels?: number;
}

export type ImageCheck =
  | { ok: true; type: ImageType; mime: string; width: number; height: number; bytes: number; data: Buffer }
  | { ok: false; status: 400 | 413 | 415 | 422; code: string; message: string };

const fail = (status: 400 | 413 | 415 | 422, code: string, message: string): ImageCheck => ({ ok: false, status, code, message });

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** The IEND chunk's type and its fixed CRC: every complete PNG ends with it. */
const PNG_END = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** The image type the bytes really are, or null. Only the first bytes are read. */
export function sniffImageType(data: Uint8Array): ImageType | null {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length >= 8 && buf.subarray(0, 8).equals(PNG_SIGNATURE)) return "png";
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "jpeg";
  if (buf.length >= 12 && buf.toString("latin1", 0, 4) === "RIFF" && buf.toString("latin1", 8, 12) === "WEBP") return "webp";
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.toString("latin1", 0, 6))) return "gif";
  return null;
}

/** Whether the file ends the way its format requires; cheap, and catches uploads cut off in transit. */
function looksComplete(type: ImageType, buf: Buffer): boolean {
  switch (type) {
    case "png":
      return buf.lastIndexOf(PNG_END) > PNG_SIGNATURE.length;
    case "jpeg":
      return buf.lastIndexOf(Buffer.from([0xff, 0xd9])) > 2;
    case "gif": {
      let end = buf.length - 1;
      while (end > 0 && (buf[end] === 0x00 || buf[end] === 0x0a)) end--;
      return buf[end] === 0x3b;
    }
    case "webp":
      return buf.length >= 12 && buf.readUInt32LE(4) + 8 <= buf.length;
  }
}

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** Size-only check, for callers that know the size before reading the bytes (a File, a content-length). */
export function checkImageSize(bytes: number, limits: ImageLimits = {}): ImageCheck | null {
  const maxBytes = limits.maxBytes ?? MAX_IMAGE_BYTES;
  if (bytes > maxBytes) return fail(413, "payload_too_large", `The image is ${describeBytes(bytes)}; the limit is ${describeBytes(maxBytes)}.`);
  if (bytes === 0) return fail(400, "empty_file", "The image file is empty.");
  return null;
}

/** Every check short of decoding. `label` names the file in messages ("look.png: ..."). */
export async function validateImage(data: Uint8Array, limits: ImageLimits = {}, label?: string): Promise<ImageCheck> {
  const result = await validateImageUnlabelled(data, limits);
  return result.ok || !label ? result : { ...result, message: `${label}: ${result.message}` };
}

async function validateImageUnlabelled(data: Uint8Array, limits: ImageLimits): Promise<ImageCheck> {
  const sizeProblem = checkImageSize(data.byteLength, limits);
  if (sizeProblem) return sizeProblem;
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const type = sniffImageType(buf);
  if (!type) {
    return fail(415, "unsupported_media_type", "The file is not a PNG, JPEG, WebP or GIF image (its content was checked, not its name or declared type).");
  }
  if (!looksComplete(type, buf)) return fail(422, "corrupt_image", `The ${type.toUpperCase()} file is incomplete (truncated or damaged).`);
  const maxPixels = limits.maxPixels ?? MAX_IMAGE_PIXELS;
  let width: number | undefined;
  let height: number | undefined;
  try {
    // metadata() reads the header only (no pixel buffer is allocated); the pixel limit is applied by us below so the
    // message can say what was too big, instead of libvips' generic error.
    const meta = await sharp(buf, { limitInputPixels: false }).metadata();
    width = meta.width;
    height = meta.height;
  } catch {
    return fail(422, "corrupt_image", `The ${type.toUpperCase()} file's header could not be read.`);
  }
  if (!width || !height) return fail(422, "corrupt_image", `The ${type.toUpperCase()} file does not state its dimensions.`);
  if (width * height > maxPixels) {
    const mp = (n: number) => `${(n / 1_000_000).toFixed(1)} megapixels`;
    return fail(422, "image_too_many_pixels", `The image is ${width}×${height} (${mp(width * height)}); the limit is ${mp(maxPixels)}.`);
  }
  if (Math.min(width, height) < MIN_IMAGE_SIDE) {
    return fail(422, "image_too_small", `The image is ${width}×${height}; product images need at least ${MIN_IMAGE_SIDE} px on each side.`);
  }
  return { ok: true, type, mime: ACCEPTED_MIME[type], width, height, bytes: buf.length, data: buf };
}

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+)?((?:;[a-z0-9-]+=[^;,]*)*)(;base64)?,/i;

/**
 * Parses `data:image/png;base64,...` as the JSON APIs accept it, then applies the same checks as uploads. The
 * declared media type is ignored like any other declared type; the decoded size is bounded before decoding.
 */
export async function parseImageDataUrl(value: string, limits: ImageLimits = {}): Promise<ImageCheck> {
  const match = DATA_URL.exec(value.slice(0, 200));
  if (!match) return fail(400, "invalid_image", "image must be a data URL such as data:image/png;base64,....");
  if (!match[3]) return fail(400, "invalid_image", "image data URLs must be base64-encoded (data:image/png;base64,...).");
  const payload = value.slice(match[0].length).replace(/\s+/g, "");
  const padding = payload.endsWith("==") ? 2 : payload.endsWith("=") ? 1 : 0;
  const decodedBytes = Math.floor((payload.length * 3) / 4) - padding;
  const sizeProblem = checkImageSize(decodedBytes, limits);
  if (sizeProblem) return sizeProblem;
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload)) return fail(400, "invalid_image", "The image data URL is not valid base64.");
  return validateImage(Buffer.from(payload, "base64"), limits);
}
