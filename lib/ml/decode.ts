import "server-only";
// The server's decoding half of the shared preprocessing (preprocess.ts): any accepted image → the 128×128 RGB
// pixels the models read. Uses the same sharp operations as the image store (rotate, flatten on the studio
// background, contain), so a catalogue master and an uploaded photo of it reach the model alike.
import sharp from "sharp";
import { MODEL_BACKGROUND, MODEL_INPUT_SIZE, pixelsToTensor } from "./preprocess";

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

/** The model's input tensor (3, size, size) for an encoded image. */
export async function modelTensor(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Float32Array> {
  return pixelsToTensor(await modelPixels(input, size), 3, size);
}

/**
 * The model pixels as a lossless PNG, for the browser worker: decoding a PNG gives back exactly these bytes, so the
 * worker's tensor for a catalogue product equals the server's, bit for bit.
 */
export async function modelPixelsPng(input: Buffer, size = MODEL_INPUT_SIZE): Promise<Buffer> {
  return sharp(await modelPixels(input, size), { raw: { width: size, height: size, channels: 3 } }).png({ compressionLevel: 6 }).toBuffer();
}
