import "server-only";
// CSA-Net's item encoder for the catalogue embedding job (lib/embeddings): each product image -> its K subspace
// embeddings, stored flattened (K·D) in the "csa.sub" space that retrieval and compatibility read.
import path from "node:path";
import type { InferenceSession } from "onnxruntime-node";
import type { Embedder } from "../embeddings/embedders";
import { MODEL_INPUT_SIZE } from "../ml/preprocess";
import { registeredModel } from "../ml/registry";
import { floatTensor, loadSession } from "../ml/sessions";
import { CSA_FILES, CSA_MODEL, CSA_SUB_SPACE } from "./model";

/** (count, 3, 128, 128) preprocessed images -> per image, its (K, D) subspace embeddings flattened. */
export async function encodeSubspaces(batch: Float32Array, count: number, threads = 1): Promise<Float32Array[]> {
  const model = await registeredModel(CSA_MODEL);
  if (!model) throw new Error("models/csa is not there");
  return encodeWith(await loadSession(path.join(model.dir, CSA_FILES.item), threads), batch, count);
}

/** The same with a given session (the styling measurement opens the model folder directly, without a database). */
export async function encodeWith(session: InferenceSession, batch: Float32Array, count: number): Promise<Float32Array[]> {
  const input = await floatTensor(batch, [count, 3, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE]);
  const outputs = await session.run({ [session.inputNames[0]]: input });
  // The (B, K, D) output is the subspace one; the (B, D) output is the general embedding, not stored.
  const subs = Object.values(outputs).find((t) => t.dims.length === 3);
  if (!subs) throw new Error(`${CSA_FILES.item} has no (B, K, D) output; outputs: ${session.outputNames.join(", ")}`);
  const size = Number(subs.dims[1]) * Number(subs.dims[2]);
  const data = subs.data as Float32Array;
  return Array.from({ length: count }, (_, i) => data.slice(i * size, (i + 1) * size));
}

export const csaEmbedder: Embedder = {
  model: CSA_MODEL,
  spaces: [CSA_SUB_SPACE],
  async embed(batch, count, threads) {
    return (await encodeSubspaces(batch, count, threads)).map((v) => [v]);
  },
};
