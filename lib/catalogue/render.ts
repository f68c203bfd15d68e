// Rasterises a generated product's fashion flat: the one place SVG drawing meets pixels, shared by the
// seed, the training export and the benchmark catalogue.
import sharp from "sharp";
import { renderFlatSvg } from "./flats";
import { flatSpecOf, type GeneratedProduct } from "./generator";

export type Drawable = Pick<GeneratedProduct, "category" | "color" | "pattern" | "attributes" | "drawSeed">;

export async function renderProductPng(product: Drawable, size: number): Promise<Buffer> {
  const svg = renderFlatSvg(flatSpecOf(product));
  return sharp(Buffer.from(svg), { density: Math.max(72, (72 * size) / 1024) })
    .resize(size, size)
    .flatten({ background: "#f6f4f1" })
    .png({ compressionLevel: 6 })
    .toBuffer();
}
