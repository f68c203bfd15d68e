// VAL's ONNX interface in one place (models/val/card.json is the source of truth; the names below are how the
// server and the browser worker find each tensor in it). Pure, shared by lib/refine/val.ts and the worker.

export const VAL_MODEL = "val";
/** The files the server and the browser worker load; the card says which view of a product the encoder reads. */
export const VAL_FILES = { encoder: "val_encoder.onnx", composer: "val_composer.onnx", vocab: "vocab.json", card: "card.json" } as const;
export const VAL_DEPTHS = ["low", "mid", "high"] as const;
export type Depth = (typeof VAL_DEPTHS)[number];
/** Embedding spaces in the Embedding table, one per depth; the index searches their concatenation. */
export const VAL_SPACES = VAL_DEPTHS.map((d) => `val.${d}`);

export interface EncoderNames {
  image: string;
  maps: Record<Depth, string>;
  targets: Record<Depth, string>;
}

export interface ComposerNames {
  maps: Record<Depth, string>;
  tokens: string;
  lengths?: string;
  mask?: string;
  queries: Record<Depth, string>;
}

const isTarget = (n: string) => /target|emb|pool|vec/i.test(n);
const pick = (names: readonly string[], depth: Depth, want: (n: string) => boolean, fallback: number) =>
  names.find((n) => n.toLowerCase().includes(depth) && want(n)) ?? names[fallback];

/** Resolves the encoder's tensors by name (maps: low/mid/high; targets: the pooled embeddings), else by position. */
export function encoderNames(inputs: readonly string[], outputs: readonly string[]): EncoderNames {
  const maps = Object.fromEntries(VAL_DEPTHS.map((d, i) => [d, pick(outputs, d, (n) => !isTarget(n), i)])) as Record<Depth, string>;
  const targets = Object.fromEntries(VAL_DEPTHS.map((d, i) => [d, pick(outputs, d, isTarget, i + 3)])) as Record<Depth, string>;
  return { image: inputs[0], maps, targets };
}

export function composerNames(inputs: readonly string[], outputs: readonly string[]): ComposerNames {
  const maps = Object.fromEntries(VAL_DEPTHS.map((d, i) => [d, pick(inputs, d, () => true, i)])) as Record<Depth, string>;
  const rest = inputs.filter((n) => !Object.values(maps).includes(n));
  const tokens = rest.find((n) => /token|ids|text|caption/i.test(n)) ?? rest[0];
  const lengths = rest.find((n) => /len/i.test(n));
  const mask = rest.find((n) => /mask/i.test(n));
  const queries = Object.fromEntries(VAL_DEPTHS.map((d, i) => [d, pick(outputs, d, () => true, i)])) as Record<Depth, string>;
  return { maps, tokens, lengths, mask, queries };
}

/** Concatenates per-depth L2-normalised vectors: their dot product with a target is the sum of per-depth cosines. */
export function concatDepths(parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
