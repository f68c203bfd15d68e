// The body-model mapping on hand-made parses (pure functions): the crop transform, heatmap peaks, masks in frame,
// the 384×512 variant, determinism, and refusing photos without a whole person.
import { describe, expect, it } from "vitest";
import {
  BODY_MODEL_CHANNELS, bodyModelTensor, cropForBox, frameToImage, imageToFrame, NO_FULL_BODY_MESSAGE, NoFullBodyError,
  toBodyModel, toBodyModelHd,
} from "@/lib/tryon/body-model";
import { standingPose, syntheticParse } from "./synthetic-parse";

const PERSON = { x0: 300, y0: 100, x1: 500, y1: 900 };
const parse = syntheticParse(768, 1024, PERSON);

function argmax(plane: Float32Array): number {
  let best = 0;
  for (let i = 1; i < plane.length; i++) if (plane[i] > plane[best]) best = i;
  return best;
}

describe("body model mapping", () => {
  it("crops a 3:4 frame around the person box with a margin, and the transform round-trips", () => {
    const crop = cropForBox(PERSON);
    const [left, top] = frameToImage(crop, 0, 0);
    const [right, bottom] = frameToImage(crop, 192, 256);
    expect((right - left) / (bottom - top)).toBeCloseTo(3 / 4, 6);
    expect(left).toBeLessThan(PERSON.x0);
    expect(top).toBeLessThan(PERSON.y0);
    expect(right).toBeGreaterThan(PERSON.x1);
    expect(bottom).toBeGreaterThan(PERSON.y1);
    expect((top + bottom) / 2).toBeCloseTo((PERSON.y0 + PERSON.y1) / 2, 6); // centred
    for (const [x, y] of [[0, 0], [123.4, 567.8], [-50, 2000]]) {
      const [fx, fy] = imageToFrame(crop, x, y);
      const [bx, by] = frameToImage(crop, fx, fy);
      expect(bx).toBeCloseTo(x, 9);
      expect(by).toBeCloseTo(y, 9);
    }
  });

  it("maps keypoints into frame pixels through the crop", () => {
    const body = toBodyModel(parse);
    expect([body.width, body.height, body.keypoints.length]).toEqual([192, 256, 17]);
    body.keypoints.forEach(([fx, fy, score], i) => {
      const [x, y] = frameToImage(body.crop, fx, fy);
      expect(x).toBeCloseTo(parse.keypoints[i][0], 6);
      expect(y).toBeCloseTo(parse.keypoints[i][1], 6);
      expect(score).toBe(parse.keypoints[i][2]);
      expect(fx).toBeGreaterThan(0);
      expect(fx).toBeLessThan(192);
      expect(fy).toBeGreaterThan(0);
      expect(fy).toBeLessThan(256);
    });
  });

  it("puts the person mask where the person is, and the keep mask inside it at the head and hands", () => {
    const body = toBodyModel(parse);
    let on = 0;
    for (let fy = 0; fy < 256; fy++) {
      for (let fx = 0; fx < 192; fx++) {
        const i = fy * 192 + fx;
        const [x, y] = frameToImage(body.crop, fx + 0.5, fy + 0.5);
        const inside = x >= PERSON.x0 + 8 && x < PERSON.x1 - 8 && y >= PERSON.y0 + 8 && y < PERSON.y1 - 8;
        const outside = x < PERSON.x0 - 8 || x >= PERSON.x1 + 8 || y < PERSON.y0 - 8 || y >= PERSON.y1 + 8;
        if (inside) expect(body.personMask[i]).toBe(1);
        if (outside) expect(body.personMask[i]).toBe(0);
        if (body.keepMask[i]) expect(body.personMask[i]).toBe(1);
        on += body.personMask[i];
      }
    }
    expect(on).toBeGreaterThan(0.2 * 192 * 256);
    const keepAt = ([x, y]: number[]) => body.keepMask[Math.floor(y) * 192 + Math.floor(x)];
    expect(keepAt(body.keypoints[0])).toBe(1); // nose: face
    const [lw, rw] = [body.keypoints[9], body.keypoints[10]];
    const [le, re] = [body.keypoints[7], body.keypoints[8]];
    expect(keepAt([lw[0] + 0.3 * (lw[0] - le[0]), lw[1] + 0.3 * (lw[1] - le[1])])).toBe(1); // left hand
    expect(keepAt([rw[0] + 0.3 * (rw[0] - re[0]), rw[1] + 0.3 * (rw[1] - re[1])])).toBe(1); // right hand
    expect(keepAt(body.keypoints[11])).toBe(0); // hip: the garment's, not kept
    expect(keepAt(body.keypoints[5])).toBe(0); // shoulder
  });

  it("builds the (19, 256, 192) tensor: heatmaps peak at the keypoints, empty below the score threshold, then the masks", () => {
    const weak = syntheticParse(768, 1024, PERSON, standingPose(PERSON).map((k, i) => (i === 3 ? [k[0], k[1], 0.1] : k)));
    const body = toBodyModel(weak);
    const tensor = bodyModelTensor(body);
    const plane = 192 * 256;
    expect(tensor.length).toBe(BODY_MODEL_CHANNELS * plane);
    body.keypoints.forEach(([x, y], c) => {
      const heatmap = tensor.subarray(c * plane, (c + 1) * plane);
      if (c === 3) return expect(heatmap.every((v) => v === 0)).toBe(true);
      // The peak is the pixel whose centre is nearest the keypoint (either one on an exact pixel border).
      const peak = argmax(heatmap);
      expect(Math.abs((peak % 192) + 0.5 - x)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(Math.abs(Math.floor(peak / 192) + 0.5 - y)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(heatmap[peak]).toBeGreaterThan(0.95);
      // A Gaussian of σ = 6 px: 6 px further along x, the value is exp(-(d₆² - d₀²) / 2σ²) of the peak's.
      const [d0, d6] = [(peak % 192) + 0.5 - x, (peak % 192) + 6.5 - x];
      expect(heatmap[peak + 6] / heatmap[peak]).toBeCloseTo(Math.exp(-(d6 * d6 - d0 * d0) / 72), 5);
    });
    expect(Float32Array.from(body.personMask).every((v, i) => v === tensor[17 * plane + i])).toBe(true);
    expect(Float32Array.from(body.keepMask).every((v, i) => v === tensor[18 * plane + i])).toBe(true);
  });

  it("has a 384×512 variant of the same framing", () => {
    const small = toBodyModel(parse);
    const hd = toBodyModelHd(parse);
    expect([hd.width, hd.height, hd.personMask.length]).toEqual([384, 512, 384 * 512]);
    expect(hd.crop.scale).toBeCloseTo(small.crop.scale / 2, 9);
    hd.keypoints.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(2 * small.keypoints[i][0], 6);
      expect(y).toBeCloseTo(2 * small.keypoints[i][1], 6);
    });
    expect(bodyModelTensor(hd).length).toBe(19 * 512 * 384);
  });

  it("is deterministic: the same parse gives the same body model", () => {
    const a = toBodyModel(parse);
    const b = toBodyModel(syntheticParse(768, 1024, PERSON));
    expect(b.keypoints).toEqual(a.keypoints);
    expect(b.crop).toEqual(a.crop);
    // Byte comparisons: toEqual walks 49k-element typed arrays slowly.
    expect(Buffer.from(b.personMask).equals(Buffer.from(a.personMask))).toBe(true);
    expect(Buffer.from(b.keepMask).equals(Buffer.from(a.keepMask))).toBe(true);
    expect(Buffer.from(bodyModelTensor(b).buffer).equals(Buffer.from(bodyModelTensor(a).buffer))).toBe(true);
  });
});

describe("no full body", () => {
  const refuse = (p: ReturnType<typeof syntheticParse>, reason: RegExp) => {
    let error: unknown;
    try {
      toBodyModel(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NoFullBodyError);
    expect((error as NoFullBodyError).message).toBe(NO_FULL_BODY_MESSAGE);
    expect((error as NoFullBodyError).code).toBe("no-full-body");
    expect((error as NoFullBodyError).reason).toMatch(reason);
  };

  it("refuses an empty image (no person pixels, weak keypoints)", () => refuse(syntheticParse(768, 1024, null), /no person/));

  it("refuses a person too small in the photo", () => {
    const tiny = { x0: 380, y0: 500, x1: 400, y1: 560 };
    refuse(syntheticParse(768, 1024, tiny), /covers/);
  });

  it("refuses a half body: no knees or ankles", () => {
    const pose = standingPose(PERSON).map((k, i) => (i >= 13 ? [k[0], k[1], 0.1] : k)) as typeof parse.keypoints;
    refuse(syntheticParse(768, 1024, PERSON, pose), /knees nor ankles/);
  });

  it("refuses confident legs that fall outside the segmented person (a cut-off photo)", () => {
    const upper = { ...PERSON, y1: 560 };
    refuse(syntheticParse(768, 1024, upper, standingPose(PERSON)), /outside the person/);
  });

  it("refuses an upside-down pose", () => {
    const flipped = standingPose(PERSON).map(([x, y, s]) => [x, PERSON.y0 + PERSON.y1 - y, s]) as typeof parse.keypoints;
    refuse(syntheticParse(768, 1024, PERSON, flipped), /upright/);
  });
});

describe("a photo parsed from a smaller copy (the browser's PARSE_MAX_SIDE)", () => {
  it("scales back to the body model of the full-size parse", async () => {
    const { scaleParse } = await import("@/lib/tryon/parsing/types");
    const half = { x0: PERSON.x0 / 2, y0: PERSON.y0 / 2, x1: PERSON.x1 / 2, y1: PERSON.y1 / 2 };
    const small = syntheticParse(384, 512, half);
    const scaled = scaleParse(small, 2, 768, 1024);
    expect([scaled.imageWidth, scaled.imageHeight]).toEqual([768, 1024]);
    const full = toBodyModel(parse);
    const fromSmall = toBodyModel(scaled);
    expect(fromSmall.crop.x).toBeCloseTo(full.crop.x, 6);
    expect(fromSmall.crop.scale).toBeCloseTo(full.crop.scale, 6);
    fromSmall.keypoints.forEach((k, i) => {
      expect(k[0]).toBeCloseTo(full.keypoints[i][0], 4);
      expect(k[1]).toBeCloseTo(full.keypoints[i][1], 4);
    });
    expect(fromSmall.personMask).toEqual(full.personMask);
  });
});
