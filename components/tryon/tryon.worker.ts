// Try-on in the shopper's browser: O-VITON's shape and appearance networks on onnxruntime-web in a module Web
// Worker, with the same tensor arithmetic as the server (lib/tryon/tensors.ts). ONNX Runtime is loaded from /ort/
// (copied from node_modules at build time) and the networks from /api/tryon/model/ only when a shopper renders.
// Protocol: in { type: "load" } | { type: "render", id, person, garments }; out loading | progress | ready | result | error.
/// <reference lib="webworker" />
import { downloadModel, loadOrtWeb, type Ort, type Session } from "@/lib/ml/worker-runtime";
import { bodyModelTensor, type BodyModel } from "@/lib/tryon/body-model";
import { TRYON_CHANNELS, TRYON_FILES, TRYON_SIZE, type TryOnSlot } from "@/lib/tryon/network-io";
import type { PixelImage } from "@/lib/tryon/parsing/types";
import { argmaxLayout, composeIntoPhoto, flatPlanes, garmentsTensor, oneHotLayout, pasteAlpha, personTensor, photoInFrame, STUDIO, type FlatPlanes } from "@/lib/tryon/tensors";
import type { TryOnRequest, TryOnResponse, WorkerPerson } from "./tryon-protocol";


const MODEL_URL = "/api/tryon/model/";
const post = (message: TryOnResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);
const dims = (channels: number) => [1, channels, TRYON_SIZE.height, TRYON_SIZE.width];

let loaded: Promise<{ ort: Ort; shape: Session; appearance: Session; version: string }> | undefined;

const download = (url: string, onBytes: (n: number) => void) => downloadModel(url, onBytes, "Try-on's models are not installed yet.");

function load() {
  loaded ??= (async () => {
    post({ type: "loading" });
    const ort = await loadOrtWeb();
    let received = 0;
    const onBytes = (n: number) => post({ type: "progress", loaded: (received += n), total: Math.max(received, 8_000_000) });
    const [shape, appearance] = await Promise.all([TRYON_FILES.shape, TRYON_FILES.appearance].map((f) => download(MODEL_URL + f, onBytes)));
    const options = { executionProviders: ["wasm"], graphOptimizationLevel: "all" as const };
    const [s, a] = await Promise.all([ort.InferenceSession.create(shape.data, options), ort.InferenceSession.create(appearance.data, options)]);
    return { ort, shape: s, appearance: a, version: appearance.version };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** Decoded RGBA, flattened on the studio colour like the server's sharp().flatten(). */
async function decode(source: string | Blob): Promise<PixelImage> {
  const blob = typeof source === "string" ? await (await fetch(source)).blob() : source;
  const bitmap = await createImageBitmap(blob, { imageOrientation: "from-image", premultiplyAlpha: "none", colorSpaceConversion: "none" });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.fillStyle = `rgb(${STUDIO.join(",")})`;
  ctx.fillRect(0, 0, bitmap.width, bitmap.height);
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return { data: ctx.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height, channels: 4 };
}

const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

async function bodyOf(person: WorkerPerson): Promise<{ body: BodyModel; before?: Uint8Array }> {
  if (person.kind === "upload") return { body: person.body };
  const response = await fetch(`/api/tryon/body/${encodeURIComponent(person.id)}`);
  if (!response.ok) throw new Error(`Could not load the model's body shape (${response.status}).`);
  const json = (await response.json()) as { body: Omit<BodyModel, "personMask" | "keepMask"> & { personMask: string; keepMask: string }; before: string | null };
  const body: BodyModel = { ...json.body, personMask: bytes(json.body.personMask), keepMask: bytes(json.body.keepMask) };
  return { body, before: json.before ? bytes(json.before) : undefined };
}

async function render(request: TryOnRequest & { type: "render" }) {
  const { ort, shape, appearance, version } = await load();
  const started = performance.now();
  const personImage = request.person.kind === "gallery" ? request.person.imageUrl : request.person.dataUrl;
  const [photo, { body, before }, flats] = await Promise.all([
    decode(personImage),
    bodyOf(request.person),
    Promise.all(request.garments.map(async (g) => [g.slot, flatPlanes(await decode(g.imageUrl))] as const)),
  ]);
  const garments = garmentsTensor(Object.fromEntries(flats) as Partial<Record<TryOnSlot, FlatPlanes>>);
  const tensor = (data: Float32Array, channels: number) => new ort.Tensor("float32", data, dims(channels));
  const frame = photoInFrame(photo, body.crop);
  const shaped = await shape.run({ body: tensor(bodyModelTensor(body), TRYON_CHANNELS.body), garments: tensor(garments, TRYON_CHANNELS.garments) });
  const layout = argmaxLayout(shaped.layout.data as Float32Array);
  const painted = await appearance.run({
    layout: tensor(oneHotLayout(layout), TRYON_CHANNELS.layout),
    person: tensor(personTensor(frame, body, layout, before), TRYON_CHANNELS.person),
    garments: tensor(garments, TRYON_CHANNELS.garments),
  });
  const image = painted.image.data as Float32Array;
  const rgb = composeIntoPhoto(photo, image, pasteAlpha(image, frame, layout, body, before), body.crop);
  const rgba = new Uint8ClampedArray(photo.width * photo.height * 4);
  for (let i = 0, n = photo.width * photo.height; i < n; i++) {
    rgba[i * 4] = rgb[i * 3];
    rgba[i * 4 + 1] = rgb[i * 3 + 1];
    rgba[i * 4 + 2] = rgb[i * 3 + 2];
    rgba[i * 4 + 3] = 255;
  }
  const canvas = new OffscreenCanvas(photo.width, photo.height);
  canvas.getContext("2d")!.putImageData(new ImageData(rgba, photo.width, photo.height), 0, 0);
  const png = await canvas.convertToBlob({ type: "image/png" });
  return { png, tookMs: Math.round(performance.now() - started), modelVersion: version };
}

self.onmessage = async (event: MessageEvent<TryOnRequest>) => {
  const request = event.data;
  try {
    if (request.type === "load") {
      const { version } = await load();
      post({ type: "ready", modelVersion: version });
    } else {
      post({ type: "result", id: request.id, ...(await render(request)) });
    }
  } catch (error) {
    post({ type: "error", id: request.type === "render" ? request.id : undefined, message: (error as Error).message || "The in-browser try-on failed." });
  }
};
