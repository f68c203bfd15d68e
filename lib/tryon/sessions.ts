import "server-only";
// The two try-on networks on onnxruntime-node: located through the model registry (models/tryon/card.json), loaded
// once per process through lib/ml/sessions.ts, and run with the contract's tensor names (network-io.ts).
import { access } from "node:fs/promises";
import path from "node:path";
import type { InferenceSession } from "onnxruntime-node";
import { ApiError } from "../api/errors";
import { registeredModel } from "../ml/registry";
import { floatTensor, loadSession } from "../ml/sessions";
import { TRYON_CHANNELS, TRYON_FILES, TRYON_MODEL, TRYON_SIZE } from "./network-io";

export interface TryOnModels {
  version: string;
  shape: InferenceSession;
  appearance: InferenceSession;
}

const UNAVAILABLE = "Try-on is not available yet: its models have not been installed.";
const dims = (channels: number) => [1, channels, TRYON_SIZE.height, TRYON_SIZE.width];

/** Both sessions, or a 503 `model_unavailable` while the card or either file is missing. */
export async function requireTryOnModels(): Promise<TryOnModels> {
  const model = await registeredModel(TRYON_MODEL);
  if (!model) throw new ApiError(503, "model_unavailable", UNAVAILABLE);
  const files = [TRYON_FILES.shape, TRYON_FILES.appearance].map((f) => path.join(model.dir, f));
  try {
    await Promise.all(files.map((f) => access(f)));
  } catch {
    throw new ApiError(503, "model_unavailable", UNAVAILABLE);
  }
  // Two threads for the one request path that does seconds of convolution; the refine sessions keep one.
  const [shape, appearance] = await Promise.all(files.map((f) => loadSession(f, 2)));
  return { version: model.version, shape, appearance };
}

export async function runShape(models: TryOnModels, body: Float32Array, garments: Float32Array): Promise<Float32Array> {
  const out = await models.shape.run({ body: await floatTensor(body, dims(TRYON_CHANNELS.body)), garments: await floatTensor(garments, dims(TRYON_CHANNELS.garments)) });
  return out.layout.data as Float32Array;
}

export async function runAppearance(models: TryOnModels, layout: Float32Array, person: Float32Array, garments: Float32Array): Promise<Float32Array> {
  const out = await models.appearance.run({
    layout: await floatTensor(layout, dims(TRYON_CHANNELS.layout)),
    person: await floatTensor(person, dims(TRYON_CHANNELS.person)),
    garments: await floatTensor(garments, dims(TRYON_CHANNELS.garments)),
  });
  return out.image.data as Float32Array;
}
