import "server-only";
// VAL served with onnxruntime-node: the image encoder (feature maps for a source, pooled target embeddings for the
// catalogue job) and the composer (source maps + caption → the three composed query embeddings).
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { InferenceSession, Tensor } from "onnxruntime-node";
import { cardView, MODEL_INPUT_SIZE, type ModelView } from "../ml/preprocess";
import { floatTensor, int64Tensor, loadSession } from "../ml/sessions";
import { registeredModel, type RegisteredModel } from "../ml/registry";
import { Tokenizer, type Tokens, type VocabFile } from "./tokenizer";
import { composerNames, concatDepths, encoderNames, VAL_DEPTHS, VAL_FILES, VAL_MODEL, type ComposerNames, type Depth, type EncoderNames } from "./val-spec";

export interface ValRuntime {
  model: RegisteredModel;
  /** What the encoder reads of a product image (the card's `inputs[0].view`). */
  view: ModelView;
  tokenizer: Tokenizer;
  encoder: InferenceSession;
  composer: InferenceSession;
  encoderNames: EncoderNames;
  composerNames: ComposerNames;
}

/** Source feature maps of one image, per depth (flattened C×H×W) with their dims. */
export interface SourceMaps {
  data: Record<Depth, Float32Array>;
  dims: Record<Depth, number[]>;
}

const holder = globalThis as typeof globalThis & { __atelierVal?: Map<string, Promise<ValRuntime>> };

/** The VAL runtime of the active model, or null while models/val has not landed. */
export async function loadVal(threads = 1): Promise<ValRuntime | null> {
  const model = await registeredModel(VAL_MODEL);
  if (!model) return null;
  const cache = (holder.__atelierVal ??= new Map());
  const key = `${model.id}|${model.dir}|${threads}`;
  let runtime = cache.get(key);
  if (!runtime) {
    runtime = open(model, threads);
    cache.set(key, runtime);
    runtime.catch(() => cache.delete(key));
  }
  return runtime;
}

async function open(model: RegisteredModel, threads: number): Promise<ValRuntime> {
  const [encoder, composer, vocab] = await Promise.all([
    loadSession(path.join(model.dir, VAL_FILES.encoder), threads),
    loadSession(path.join(model.dir, VAL_FILES.composer), threads),
    readFile(path.join(model.dir, VAL_FILES.vocab), "utf8").then((t) => JSON.parse(t) as VocabFile),
  ]);
  return {
    model,
    view: cardView(model.card),
    tokenizer: new Tokenizer(vocab),
    encoder,
    composer,
    encoderNames: encoderNames(encoder.inputNames, encoder.outputNames),
    composerNames: composerNames(composer.inputNames, composer.outputNames),
  };
}

/** Runs the encoder on a (B, 3, 128, 128) batch: per image its maps and its target embeddings (one per depth). */
export async function encodeBatch(val: ValRuntime, batch: Float32Array, count: number): Promise<{ maps: SourceMaps[]; targets: Float32Array[][] }> {
  const names = val.encoderNames;
  const out = await val.encoder.run({ [names.image]: await floatTensor(batch, [count, 3, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE]) });
  const maps: SourceMaps[] = [];
  const targets: Float32Array[][] = [];
  for (let i = 0; i < count; i++) {
    const data = {} as Record<Depth, Float32Array>;
    const dims = {} as Record<Depth, number[]>;
    const parts: Float32Array[] = [];
    for (const depth of VAL_DEPTHS) {
      const map = out[names.maps[depth]];
      data[depth] = row(map, i);
      dims[depth] = map.dims.slice(1) as number[];
      parts.push(row(out[names.targets[depth]], i));
    }
    maps.push({ data, dims });
    targets.push(parts);
  }
  return { maps, targets };
}

/** The composed query of one source and one caption: the three depths' embeddings, concatenated. */
export async function composeQuery(val: ValRuntime, source: SourceMaps, tokens: Tokens): Promise<Float32Array> {
  const names = val.composerNames;
  const feeds: Record<string, Tensor> = {};
  for (const depth of VAL_DEPTHS) feeds[names.maps[depth]] = await floatTensor(source.data[depth], [1, ...source.dims[depth]]);
  feeds[names.tokens] = await int64Tensor(BigInt64Array.from(tokens.ids, BigInt), [1, tokens.ids.length]);
  if (names.lengths) feeds[names.lengths] = await int64Tensor(BigInt64Array.from([BigInt(tokens.length)]), [1]);
  if (names.mask) feeds[names.mask] = await int64Tensor(BigInt64Array.from(tokens.ids.map((_, i) => BigInt(i < tokens.length ? 1 : 0))), [1, tokens.ids.length]);
  const out = await val.composer.run(feeds);
  return concatDepths(VAL_DEPTHS.map((d) => row(out[names.queries[d]], 0)));
}

function row(tensor: Tensor, i: number): Float32Array {
  const data = tensor.data as Float32Array;
  const size = data.length / (tensor.dims[0] as number);
  return data.slice(i * size, (i + 1) * size);
}
