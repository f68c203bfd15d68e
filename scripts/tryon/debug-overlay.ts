// Draws a body model over the photo it came from, for eyeballing the parser: the frame is re-sampled from the photo
// through the crop transform, the background dimmed, keep regions tinted green, keypoints numbered (COCO order).
import sharp from "sharp";
import { frameToImage, KEYPOINT_SCORE_THRESHOLD, type BodyModel } from "../../lib/tryon/body-model";
import type { PixelImage } from "../../lib/tryon/parsing/types";

export async function bodyModelOverlayPng(image: PixelImage, body: BodyModel, zoom = 2): Promise<Buffer> {
  const W = body.width * zoom;
  const H = body.height * zoom;
  const out = Buffer.alloc(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const [ix, iy] = frameToImage(body.crop, (x + 0.5) / zoom, (y + 0.5) / zoom).map(Math.floor);
      const m = Math.floor(y / zoom) * body.width + Math.floor(x / zoom);
      const inside = ix >= 0 && iy >= 0 && ix < image.width && iy < image.height;
      const p = (iy * image.width + ix) * image.channels;
      const rgb = inside ? [image.data[p], image.data[p + 1], image.data[p + 2]] : [40, 40, 40];
      const o = (y * W + x) * 3;
      if (!body.personMask[m]) rgb.forEach((v, c) => (out[o + c] = v * 0.3 + (c === 2 ? 50 : 0)));
      else if (body.keepMask[m]) rgb.forEach((v, c) => (out[o + c] = c === 1 ? v * 0.5 + 127 : v * 0.6));
      else rgb.forEach((v, c) => (out[o + c] = v));
    }
  }
  const dots = body.keypoints
    .map(([x, y, s], i) => {
      const fill = s >= KEYPOINT_SCORE_THRESHOLD ? "#ff2d55" : "#ffd60a";
      return `<circle cx="${x * zoom}" cy="${y * zoom}" r="${2 * zoom}" fill="${fill}" stroke="white"/><text x="${x * zoom + 3 * zoom}" y="${y * zoom}" font-size="${6 * zoom}" font-family="sans-serif" fill="white" stroke="black" stroke-width="0.5">${i}</text>`;
    })
    .join("");
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${dots}</svg>`);
  return sharp(out, { raw: { width: W, height: H, channels: 3 } }).composite([{ input: svg }]).png().toBuffer();
}
