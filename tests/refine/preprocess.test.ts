// The shared preprocessing: the tensor layout and normalisation (training/common/images.py's to_tensor), the
// server's decode (contain on the studio background), and the PNG the browser worker decodes giving back exactly
// the server's pixels, so the worker, the route and the catalogue job feed the model the same tensor.
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { modelDetailPixels, modelPixels, viewPixelsPng, viewTensor } from "@/lib/ml/decode";
import { cardView, containBox, MODEL_BACKGROUND, pixelsToTensor, productBox, stackTensors } from "@/lib/ml/preprocess";

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
    for (const view of ["full", "detail"] as const) {
      const { data, info } = await sharp(await viewPixelsPng(photo, view)).raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(3);
      expect(pixelsToTensor(data, 3)).toEqual(await viewTensor(photo, view));
    }
    expect(await viewTensor(photo, "full")).toEqual(pixelsToTensor(await modelPixels(photo), 3));
  });

  it("crops the detail view to the product: a small piece fills the frame, at most 2× zoomed", async () => {
    // A 60×30 red patch on a 400×400 studio background: fitted into 256 it is 38×19; the box is widened to 128
    // (the 2× limit), so in the 128 px detail view the patch is about 36×18 wide instead of 19×10.
    const studio = { ...MODEL_BACKGROUND, alpha: 1 };
    const patch = await sharp({ create: { width: 60, height: 30, channels: 3, background: "#c00" } }).png().toBuffer();
    const photo = await sharp({ create: { width: 400, height: 400, channels: 4, background: studio } })
      .composite([{ input: patch, left: 40, top: 300 }]).png().toBuffer();
    const full = await modelPixels(photo);
    const detail = await modelDetailPixels(photo);
    const red = (px: Buffer) => { let n = 0; for (let i = 0; i < px.length; i += 3) if (px[i] > 150 && px[i + 1] < 60) n++; return n; };
    expect(detail.length).toBe(128 * 128 * 3);
    expect(red(detail)).toBeGreaterThan(3 * red(full));
    expect(red(detail)).toBeLessThan(5 * red(full));
    const centre = (64 * 128 + 64) * 3; // the patch is centred in the crop
    expect(detail[centre]).toBeGreaterThan(150);
    expect(await modelDetailPixels(photo)).toEqual(detail); // deterministic
  });

  it("finds the product's box, widened to half the side and kept inside the image", () => {
    const side = 16;
    const rgb = new Uint8Array(side * side * 3);
    for (let i = 0; i < rgb.length; i += 3) rgb.set([MODEL_BACKGROUND.r, MODEL_BACKGROUND.g, MODEL_BACKGROUND.b], i);
    expect(productBox(rgb, side)).toEqual({ left: 0, top: 0, width: 16, height: 16 }); // all background: the whole image
    for (let y = 1; y <= 2; y++) for (let x = 12; x <= 14; x++) rgb.set([0, 0, 0], (y * side + x) * 3);
    expect(productBox(rgb, side)).toEqual({ left: 8, top: 0, width: 8, height: 8 });
    for (let y = 0; y < side; y++) rgb.set([0, 0, 0], (y * side + 3) * 3); // a full-height line at x = 3
    expect(productBox(rgb, side)).toEqual({ left: 3, top: 0, width: 12, height: 16 });
    // The browser worker's canvas gives RGBA: the same box.
    const rgba = new Uint8Array(side * side * 4);
    for (let i = 0; i < side * side; i++) rgba.set([...rgb.subarray(i * 3, i * 3 + 3), 255], i * 4);
    expect(productBox(rgba, side, 4)).toEqual({ left: 3, top: 0, width: 12, height: 16 });
  });

  it("places an image fitted (contain) and centred in a square", () => {
    expect(containBox(60, 30, 120, 4)).toEqual({ left: 4, top: 34, width: 120, height: 60 });
    expect(containBox(10, 40, 120)).toEqual({ left: 45, top: 0, width: 30, height: 120 });
    expect(containBox(50, 50, 120, 4)).toEqual({ left: 4, top: 4, width: 120, height: 120 });
  });

  it("reads the view a model card asks for", async () => {
    expect(cardView({ inputs: [{ view: "detail" }] })).toBe("detail");
    expect(cardView({ inputs: [{}] })).toBe("full");
    expect(cardView({})).toBe("full");
  });
});
