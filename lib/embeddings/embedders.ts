import "server-only";
// What the catalogue embedding job can compute: one embedder per model, each naming its embedding spaces and
// turning a batch of preprocessed images into one vector per space. A capability that searches the catalogue with
// its own model (Complete the look) adds its embedder here; the job, storage and index are shared.
import { encodeBatch, loadVal } from "../refine/val";
import { VAL_MODEL, VAL_SPACES } from "../refine/val-spec";
// Complete the look (issue 5) registers CSA-Net's subspace embeddings here.
import { csaEmbedder } from "../complete/embedder";

export interface Embedder {
  /** models/<model>/ */
  model: string;
  spaces: string[];
  /** (count, 3, 128, 128) preprocessed images → per image, one vector per space (in `spaces` order). */
  embed(batch: Float32Array, count: number, threads: number): Promise<Float32Array[][]>;
}

const valEmbedder: Embedder = {
  model: VAL_MODEL,
  spaces: VAL_SPACES,
  async embed(batch, count, threads) {
    const val = await loadVal(threads);
    if (!val) throw new Error("models/val is not there");
    return (await encodeBatch(val, batch, count)).targets;
  },
};

export const EMBEDDERS: Embedder[] = [valEmbedder, csaEmbedder];

export function embedderFor(model: string): Embedder | undefined {
  return EMBEDDERS.find((e) => e.model === model);
}
