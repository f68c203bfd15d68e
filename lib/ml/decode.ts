import "server-only";
// The server's decoding half of the shared preprocessing (preprocess.ts): any accepted image → the 128×128 RGB
// pixels the models read. Uses the same sharp operations as the image store (rotate, flatten on the studio
// background, contain), so a catalogue master and an uploaded photo of it reach the model alike.
import sharp from "sharp";
import { DETAIL_MARGIN, DETAIL_SOURCE_SIZE, MODEL_BACKGROUND, MODEL_INPUT_SIZE, pixelsToTensor, productBox, type ModelView } from "./preprocess";

/** size×size×3 RGB bytes, row-major. */
export async function modelPixels(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  const { data, info } = await sharp(input, { limitInputPixels: 40_000_000 })
    .rotate()
    .flatten({ background: MODEL_BACKGROUND })
    .toColourspace("srgb")
    .resize(size, size, { fit: "contain", background: MODEL_BACKGROUND })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== size || info.height !== size || info.channels !== 3) throw new Error(`unexpected decode ${info.width}×${info.height}×${info.channels}`);
  return data;
}

/** size×size×3 RGB bytes as a lossless PNG. */
function pixelsPng(pixels: Buffer, size: number): Promise<Buffer> {
  return sharp(pixels, { raw: { width: size, height: size, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
}

/**
 * The detail view the attribute tagger reads (tagger 3.0.0 on): the image fitted into a DETAIL_SOURCE_SIZE square,
 * cropped to the product's bounding box (what differs from the studio background), and that box fitted into the
 * model's square with a small margin. A pair of sandals or sunglasses, a fraction of the frame, then fills it at up to
 * twice the detail of `modelPixels`, so prints and small motifs are legible. The generated training world is drawn at
 * DETAIL_SOURCE_SIZE and passed through this same function (scripts/catalogue/export.ts --view detail).
 */
export async function modelDetailPixels(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  const source = await modelPixels(input, DETAIL_SOURCE_SIZE);
  const box = productBox(source, DETAIL_SOURCE_SIZE);
  const inner = size - 2 * DETAIL_MARGIN;
  const { data, info } = await sharp(source, { raw: { width: DETAIL_SOURCE_SIZE, height: DETAIL_SOURCE_SIZE, channels: 3 } })
    .extract(box)
    .resize(inner, inner, { fit: "contain", background: MODEL_BACKGROUND })
    .extend({ top: DETAIL_MARGIN, bottom: DETAIL_MARGIN, left: DETAIL_MARGIN, right: DETAIL_MARGIN, background: MODEL_BACKGROUND })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== size || info.height !== size || info.channels !== 3) throw new Error(`unexpected detail ${info.width}×${info.height}×${info.channels}`);
  return data;
}

/** The model's pixels (size×size×3 RGB) in a view. */
export async function viewPixels(input: Buffer, view: ModelView, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  return view === "detail" ? modelDetailPixels(input, size) : modelPixels(input, size);
}

/**
 * The model's pixels in a view as a lossless PNG: the training world's images, and the browser worker's copy of a
 * catalogue product's input (decoding a PNG gives back exactly these bytes, so the worker's tensor equals the
 * server's, bit for bit).
 */
export async function viewPixelsPng(input: Buffer, view: ModelView, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  return pixelsPng(await viewPixels(input, view, size), size);
}

/** The model's input tensor (3, size, size) for an encoded image, in the model's view. */
export async function viewTensor(input: Buffer, view: ModelView, size = MODEL_INPUT_SIZE): Promise<Float32Array> {
  return pixelsToTensor(await viewPixels(input, view, size), 3, size);
}
