// The shared preprocessing: the tensor layout and normalisation (training/common/images.py's to_tensor), the
// server's decode (contain on the studio background), and the PNG the browser worker decodes giving back exactly
// the server's pixels, so the worker, the route and the catalogue job feed the model the same tensor.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { modelPixels, modelPixelsPng, modelTensor } from "@/lib/ml/decode";
import { MODEL_BACKGROUND, pixelsToTensor, stackTensors } from "@/lib/ml/preprocess";

describe("model preprocessing", () => {
  it("normalises RGB to (x/255 - 0.5) / 0.25 in CHW order, dropping alpha", () => {
    const rgba = new Uint8Array([255, 0, 128, 255, 0, 255, 64, 255, 10, 20, 30, 255, 40, 50, 60, 255]);
    const t = pixelsToTensor(rgba, 4, 2);
    const n = (v: number) => (v / 255 - 0.5) / 0.25;
    expect(Array.from(t).map((v) => +v.toFixed(5))).toEqual([255, 0, 10, 40, 0, 255, 20, 50, 128, 64, 30, 60].map((v) => +n(v).toFixed(5)));
    expect(pixelsToTensor(new Uint8Array([255, 0, 128, 0, 255, 64, 10, 20, 30, 40, 50, 60]), 3, 2)).toEqual(t);
    expect(() => pixelsToTensor(new Uint8Array(5), 3, 2)).toThrow();
    expect(stackTensors([t, t])).toHaveLength(24);
  });

  it("fits a non-square photo (contain) on the studio background at 128×128", async () => {
    const tall = await sharp({ create: { width: 100, height: 300, channels: 4, background: { r: 200, g: 0, b: 0, alpha: 1 } } }).png().toBuffer();
    const pixels = await modelPixels(tall);
    expect(pixels.length).toBe(128 * 128 * 3);
    expect([...pixels.subarray(0, 3)]).toEqual([MODEL_BACKGROUND.r, MODEL_BACKGROUND.g, MODEL_BACKGROUND.b]); // corner: padding
    const centre = (64 * 128 + 64) * 3;
    expect(pixels[centre]).toBeGreaterThan(190);
    expect(pixels[centre + 1]).toBeLessThan(10);
  });

  it("flattens transparency on the background, and the worker's PNG decodes to the same tensor", async () => {
    const clear = await sharp({ create: { width: 256, height: 256, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    expect([...(await modelPixels(clear)).subarray(0, 3)]).toEqual([246, 244, 241]);
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: "#3a6" } }).jpeg().toBuffer();
    const { data, info } = await sharp(await modelPixelsPng(photo)).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    expect(pixelsToTensor(data, 3)).toEqual(await modelTensor(photo));
  });
});
