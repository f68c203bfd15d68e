// Person parsing in the shopper's browser: a module Web Worker running MoveNet + selfie segmentation with TF.js
// (WebGL where a GPU backs it, else wasm, else plain JS), models and wasm binaries fetched from our own origin
// (public/tfjs/, copied by scripts/copy-tfjs.mjs) only when try-on opens. The same tfjs code (lib/tryon/parsing/infer)
// and body-model mapping as the server, so a photo gives the same body model in both places.
// Protocol: in { type: "load" } | { type: "parse", id, image, hd? }; out loading | progress | ready | result | error.
/// <reference lib="webworker" />
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { BODY_MODEL_SIZE, BODY_MODEL_SIZE_HD, NoFullBodyError, toBodyModel, type BodyModel } from "@/lib/tryon/body-model";
import { parsePersonPixels, type ParsingModels } from "@/lib/tryon/parsing/infer";
import { PARSE_MAX_SIDE, scaleParse } from "@/lib/tryon/parsing/types";
import { BROWSER_MODEL_BASE, BROWSER_WASM_BASE, POSE_MODEL, SEGMENTATION_MODEL } from "@/lib/tryon/parsing/model-files";
import type { ParsingRequest, ParsingResponse } from "./parsing-protocol";

const post = (message: ParsingResponse, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message, transfer);

let loaded: Promise<ParsingModels & { backend: string }> | undefined;

/**
 * WebGL only where the GPU does the work: a software rasteriser (SwiftShader, llvmpipe: machines without a GPU, or
 * with it disabled) ran pose + segmentation in 2.7 s in Chromium here, where wasm (XNNPACK) is several times faster.
 */
function hardwareWebGl(): boolean {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext("webgl2") ?? new OffscreenCanvas(1, 1).getContext("webgl");
    if (!gl) return false;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    return !/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
  } catch {
    return false;
  }
}

async function pickBackend(): Promise<string> {
  setWasmPaths(BROWSER_WASM_BASE);
  for (const name of hardwareWebGl() ? ["webgl", "wasm", "cpu"] : ["wasm", "cpu"]) {
    if (await tf.setBackend(name).catch(() => false)) {
      await tf.ready();
      return name;
    }
  }
  throw new Error("This browser cannot run the body-shape model.");
}

function load() {
  loaded ??= (async () => {
    post({ type: "loading" });
    const backend = await pickBackend();
    // Progress per model is a fraction; weight it by the models' sizes so the bar moves evenly.
    const weights = { pose: 12.6, segmentation: 0.3 };
    const done = { pose: 0, segmentation: 0 };
    const report = (which: keyof typeof done) => (fraction: number) => {
      done[which] = fraction;
      const total = weights.pose + weights.segmentation;
      post({ type: "progress", loaded: done.pose * weights.pose + done.segmentation * weights.segmentation, total });
    };
    const [pose, segmentation] = await Promise.all([
      tf.loadGraphModel(`${BROWSER_MODEL_BASE}${POSE_MODEL.file}.json`, { onProgress: report("pose") }),
      tf.loadGraphModel(`${BROWSER_MODEL_BASE}${SEGMENTATION_MODEL.file}.json`, { onProgress: report("segmentation") }),
    ]);
    return { pose, segmentation, backend };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/**
 * The photo's pixels, EXIF orientation applied (as sharp's rotate() does on the server), at most `maxSide` on the
 * long side; `factor` maps them back to the photo's own pixels.
 */
async function pixels(image: Blob | ImageBitmap, maxSide: number) {
  const bitmap = image instanceof Blob ? await createImageBitmap(image, { imageOrientation: "from-image", premultiplyAlpha: "none", colorSpaceConversion: "none" }) : image;
  const { width, height } = bitmap;
  const factor = Math.max(1, Math.max(width, height) / maxSide);
  const canvas = new OffscreenCanvas(Math.round(width / factor), Math.round(height / factor));
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.imageSmoothingQuality = "high";
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  if (image instanceof Blob) bitmap.close(); // a bitmap we were given may be read again (a second, full-size look)
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  return { image: { data, width: canvas.width, height: canvas.height, channels: 4 as const }, factor: width / canvas.width, width, height };
}

self.onmessage = async (event: MessageEvent<ParsingRequest>) => {
  const request = event.data;
  const id = request.type === "parse" ? request.id : undefined;
  try {
    const models = await load();
    if (request.type === "load") return post({ type: "ready", backend: models.backend });
    const started = performance.now();
    const size = request.hd ? BODY_MODEL_SIZE_HD : BODY_MODEL_SIZE;
    const photo = await pixels(request.image, PARSE_MAX_SIDE);
    let body: BodyModel;
    try {
      body = toBodyModel(scaleParse(await parsePersonPixels(models, photo.image), photo.factor, photo.width, photo.height), size);
    } catch (error) {
      // A person at the edge of being found whole in the smaller copy may be found in the photo itself (the server
      // parses it at full size): look again before refusing it.
      if (!(error instanceof NoFullBodyError) || photo.factor === 1) throw error;
      body = toBodyModel(await parsePersonPixels(models, (await pixels(request.image, Infinity)).image), size);
    }
    post({ type: "result", id: request.id, body, tookMs: performance.now() - started, backend: models.backend }, [body.personMask.buffer, body.keepMask.buffer]);
  } catch (error) {
    if (error instanceof NoFullBodyError) post({ type: "error", id, code: error.code, message: error.message });
    else post({ type: "error", id, message: (error as Error).message || "The in-browser body-shape model failed." });
  }
};
