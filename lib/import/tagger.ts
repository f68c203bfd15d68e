import "server-only";
// Imported products that lack fields get them from their image, by the attribute tagger (models/tagger, trained by
// training/tagger): category, colour and pattern when missing, and every ontology attribute that applies to the
// product's slot and was not given. A guess is kept only when the tagger is confident (its top probability at least
// MIN_CONFIDENCE), so a field the model cannot read stays empty rather than wrong; given values are never changed.
import type { InferenceSession } from "onnxruntime-node";
import { attributesForSlot, getCategory, type AttributeName } from "../ontology";
import { viewTensor } from "../ml/decode";
import { registeredModel, type TensorSpec } from "../ml/registry";
import { floatTensor, loadSession } from "../ml/sessions";
import { cardView, MODEL_INPUT_SIZE } from "../ml/preprocess";
import path from "node:path";
import { log } from "../log";

export const MIN_CONFIDENCE = 0.6;
export const TAGGER_MODEL = "tagger";

export interface TaggableInput {
  category?: unknown;
  color?: unknown;
  pattern?: unknown;
  attributes: Partial<Record<AttributeName, string>>;
  [key: string]: unknown;
}

type Predictions = Record<string, { value: string; confidence: number }>;

export async function tagMissingAttributes<T extends TaggableInput>(image: Uint8Array | null, input: T): Promise<T> {
  if (!image) return input;
  if (!needsTagging(input)) return input;
  const predictions = await predict(image).catch((error: unknown) => {
    // A missing or broken model must not block an import: the product keeps the fields it was given.
    log.warn({ err: error }, "attribute tagger unavailable; importing without tags");
    return null;
  });
  if (!predictions) return input;
  return applyPredictions(input, predictions);
}

/** Whether a top-level fact is absent or an attribute of the product's slot was not given. */
export function needsTagging(input: TaggableInput): boolean {
  if ((["category", "color", "pattern"] as const).some((f) => typeof input[f] !== "string" || !input[f])) return true;
  const slot = getCategory(String(input.category))?.slot;
  return !slot || attributesForSlot(slot).some((name) => !input.attributes?.[name]);
}

/** Fills what is missing with the confident predictions; the slot comes from the (given or predicted) category. */
export function applyPredictions<T extends TaggableInput>(input: T, predictions: Predictions): T {
  const out: T = { ...input, attributes: { ...input.attributes } };
  const confident = (field: string) => {
    const p = predictions[field];
    return p && p.confidence >= MIN_CONFIDENCE ? p.value : undefined;
  };
  for (const field of ["category", "color", "pattern"] as const) {
    if (typeof out[field] !== "string" || !out[field]) {
      const value = confident(field);
      if (value) (out as TaggableInput)[field] = value;
    }
  }
  const slot = typeof out.category === "string" ? getCategory(out.category)?.slot : undefined;
  if (!slot) return out;
  for (const name of attributesForSlot(slot)) {
    if (out.attributes[name]) continue;
    const value = confident(name);
    if (value) out.attributes[name] = value;
  }
  return out;
}

async function predict(image: Uint8Array): Promise<Predictions | null> {
  const model = await registeredModel(TAGGER_MODEL);
  if (!model) return null;
  const session: InferenceSession = await loadSession(path.join(model.dir, "tagger.onnx"));
  // The tagger 3.0.0 on reads the detail view (the product cropped out of the image); its card says which.
  const tensor = await viewTensor(Buffer.from(image), cardView(model.card));
  const input = await floatTensor(tensor, [1, 3, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  const predictions: Predictions = {};
  for (const spec of (model.card.outputs ?? []) as (TensorSpec & { labels?: string[] })[]) {
    const logits = outputs[spec.name]?.data as Float32Array | undefined;
    if (!logits || !spec.labels) continue;
    predictions[spec.name] = softmaxTop(logits, spec.labels);
  }
  return predictions;
}

function softmaxTop(logits: Float32Array, labels: string[]): { value: string; confidence: number } {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i] > logits[best]) best = i;
  let sum = 0;
  for (const l of logits) sum += Math.exp(l - logits[best]);
  return { value: labels[best], confidence: 1 / sum };
}
