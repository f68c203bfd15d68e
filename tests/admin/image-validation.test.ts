// Upload sniffing table: what is accepted, what is refused before decoding, and with which status.
import { describe, expect, it } from "vitest";
import { MAX_IMAGE_BYTES, parseImageDataUrl, sniffImageType, validateImage } from "@/lib/images/validate";
import { HTML, SVG, gifOf, jpegOf, pixelBombPng, pngOf, webpOf } from "./image-fixtures";

describe("image upload validation", () => {
  it.each([
    ["PNG", pngOf, "png"],
    ["JPEG", jpegOf, "jpeg"],
    ["WebP", webpOf, "webp"],
    ["GIF", gifOf, "gif"],
  ] as const)("accepts %s", async (_name, make, type) => {
    const result = await validateImage(await make());
    expect(result).toMatchObject({ ok: true, type });
  });

  const refused: [string, () => Promise<Buffer> | Buffer, number, RegExp][] = [
    ["SVG (scriptable, refused whatever it is called)", () => SVG, 415, /not a PNG, JPEG, WebP or GIF/],
    ["HTML renamed .png", () => HTML, 415, /not a PNG, JPEG, WebP or GIF/],
    ["a truncated PNG", async () => (await pngOf()).subarray(0, 60), 422, /incomplete/],
    ["a PNG over the size limit", async () => Buffer.concat([await pngOf(), Buffer.alloc(MAX_IMAGE_BYTES)]), 413, /limit is 10\.0 MB/],
    ["a pixel bomb (100000×100000 header, 1 kB file)", () => pixelBombPng(), 422, /100000×100000.*limit is 40\.0 megapixels/],
    ["an empty file", () => Buffer.alloc(0), 400, /empty/],
    ["a tiny image", () => pngOf(8, 8), 422, /at least 64 px/],
  ];

  it.each(refused)("refuses %s", async (_name, make, status, message) => {
    const result = await validateImage(await make());
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.status).toBe(status);
      expect(result.message).toMatch(message);
    }
  });

  it("sniffs content, not names: a JPEG is a JPEG whatever it is called", async () => {
    expect(sniffImageType(await jpegOf())).toBe("jpeg");
    expect(sniffImageType(SVG)).toBeNull();
  });

  it("labels messages with the file they are about", async () => {
    const result = await validateImage(HTML, {}, "shirt.png");
    expect(!result.ok && result.message).toMatch(/^shirt\.png: /);
  });

  describe("data URLs", () => {
    it("accepts a base64 PNG", async () => {
      const url = `data:image/png;base64,${(await pngOf()).toString("base64")}`;
      expect(await parseImageDataUrl(url)).toMatchObject({ ok: true, type: "png", width: 96 });
    });

    it("ignores the declared type: an SVG declared as PNG is refused", async () => {
      expect(await parseImageDataUrl(`data:image/png;base64,${SVG.toString("base64")}`)).toMatchObject({ ok: false, status: 415 });
    });

    it("bounds the size before decoding", async () => {
      const url = `data:image/png;base64,${"A".repeat(Math.ceil((MAX_IMAGE_BYTES * 4) / 3) + 8)}`;
      expect(await parseImageDataUrl(url)).toMatchObject({ ok: false, status: 413 });
    });

    it.each([
      ["not a data URL", "https://example.com/a.png"],
      ["not base64-encoded", "data:image/png,%89PNG"],
      ["invalid base64", "data:image/png;base64,@@@@"],
    ])("refuses %s with a 400", async (_name, value) => {
      expect(await parseImageDataUrl(value)).toMatchObject({ ok: false, status: 400 });
    });
  });
});
