// Refine's module Web Worker: runs VAL's composer (and the image encoder for an uploaded photo) with
// onnxruntime-web, off the main thread. ONNX Runtime itself is loaded from /ort/ (copied from node_modules at build
// time) only when a shopper opens Refine. Protocol: in { type: "load" } | { type: "compose", id, source, text };
// out loading | progress | ready | result | error.
/// <reference lib="webworker" />
import { downloadModel, loadOrtWeb, type Ort, type Session } from "@/lib/ml/worker-runtime";
import { cardView, containBox, DETAIL_MARGIN, DETAIL_SOURCE_SIZE, MODEL_BACKGROUND, MODEL_INPUT_SIZE, pixelsToTensor, productBox, type Box, type ModelView } from "@/lib/ml/preprocess";
import { Tokenizer, type VocabFile } from "@/lib/refine/tokenizer";
import { composerNames, concatDepths, encoderNames, VAL_DEPTHS, VAL_FILES } from "@/lib/refine/val-spec";
import type { WorkerRequest, WorkerResponse } from "./worker-protocol";

const MODEL_URL = "/api/refine/model/";
const post = (message: WorkerResponse) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(message);

let loaded: Promise<{ ort: Ort; encoder: Session; composer: Session; tokenizer: Tokenizer; view: ModelView; version: string }> | undefined;

const fetchWithProgress = (url: string, onBytes: (n: number) => void) => downloadModel(url, onBytes, "Refine's model is not installed yet.");

function load() {
  loaded ??= (async () => {
    post({ type: "loading" });
    const ort = await loadOrtWeb();
    let received = 0;
    const expected = 14_000_000;
    const onBytes = (n: number) => {
      received += n;
      post({ type: "progress", loaded: received, total: Math.max(expected, received) });
    };
    const [encoder, composer, vocab, card] = await Promise.all(
      [VAL_FILES.encoder, VAL_FILES.composer, VAL_FILES.vocab, VAL_FILES.card].map((file) => fetchWithProgress(MODEL_URL + file, onBytes)),
    );
    const options = { executionProviders: ["wasm"], graphOptimizationLevel: "all" as const };
    const [enc, comp] = await Promise.all([ort.InferenceSession.create(encoder.data, options), ort.InferenceSession.create(composer.data, options)]);
    const tokenizer = new Tokenizer(JSON.parse(new TextDecoder().decode(vocab.data)) as VocabFile);
    const view = cardView(JSON.parse(new TextDecoder().decode(card.data)));
    return { ort, encoder: enc, composer: comp, tokenizer, view, version: composer.version };
  })();
  loaded.catch(() => (loaded = undefined));
  return loaded;
}

/** A studio-background square of `side` with `image`'s `from` region fitted (contain) into `into`. */
function fitted(image: CanvasImageSource, from: Box, side: number, into: Box): OffscreenCanvasRenderingContext2D {
  const ctx = new OffscreenCanvas(side, side).getContext("2d", { willReadFrequently: true })!;
  ctx.fillStyle = `rgb(${MODEL_BACKGROUND.r}, ${MODEL_BACKGROUND.g}, ${MODEL_BACKGROUND.b})`;
  ctx.fillRect(0, 0, side, side);
  ctx.imageSmoothingQuality = "high";
  const to = containBox(from.width, from.height, into.width, 0);
  ctx.drawImage(image, from.left, from.top, from.width, from.height, into.left + to.left, into.top + to.top, to.width, to.height);
  return ctx;
}

/** The source's pixels as the model sees them: a catalogue product's come ready-made from the server (exactly the
 * server's preprocessing, in the model's view); a photo is fitted (contain) on the studio background here and, for
 * a model that reads the detail view, cropped to what is not background as lib/ml/decode.ts modelDetailPixels does. */
async function sourceTensor(source: WorkerRequest & { type: "compose" }, view: ModelView): Promise<Float32Array> {
  const size = MODEL_INPUT_SIZE;
  const blob = source.source.kind === "product" ? await (await fetch(`/api/refine/source/${encodeURIComponent(source.source.productId)}`)).blob() : source.source.file;
  const bitmap = await createImageBitmap(blob, { colorSpaceConversion: "none", premultiplyAlpha: "none", imageOrientation: "from-image" });
  const whole = { left: 0, top: 0, width: bitmap.width, height: bitmap.height };
  let ctx: OffscreenCanvasRenderingContext2D;
  if (source.source.kind === "image" && view === "detail") {
    const side = DETAIL_SOURCE_SIZE;
    const large = fitted(bitmap, whole, side, { left: 0, top: 0, width: side, height: side });
    const box = productBox(large.getImageData(0, 0, side, side).data, side, 4);
    const inner = size - 2 * DETAIL_MARGIN;
    ctx = fitted(large.canvas, box, size, { left: DETAIL_MARGIN, top: DETAIL_MARGIN, width: inner, height: inner });
  } else {
    ctx = fitted(bitmap, whole, size, { left: 0, top: 0, width: size, height: size });
  }
  bitmap.close();
  return pixelsToTensor(ctx.getImageData(0, 0, size, size).data, 4, size);
}

async function compose(request: WorkerRequest & { type: "compose" }) {
  const { ort, encoder, composer, tokenizer, view, version } = await load();
  const tokens = tokenizer.encode(request.text);
  if (tokens.known === 0) throw new Error(`None of the words in "${request.text.slice(0, 80)}" mean anything to the model yet. Try words like "darker", "long sleeves" or "floral".`);
  const image = await sourceTensor(request, view);
  const enc = encoderNames(encoder.inputNames, encoder.outputNames);
  const maps = await encoder.run({ [enc.image]: new ort.Tensor("float32", image, [1, 3, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE]) });
  const names = composerNames(composer.inputNames, composer.outputNames);
  const feeds: Record<string, import("onnxruntime-web").Tensor> = {};
  for (const d of VAL_DEPTHS) feeds[names.maps[d]] = maps[enc.maps[d]];
  feeds[names.tokens] = new ort.Tensor("int64", BigInt64Array.from(tokens.ids, BigInt), [1, tokens.ids.length]);
  if (names.lengths) feeds[names.lengths] = new ort.Tensor("int64", BigInt64Array.from([BigInt(tokens.length)]), [1]);
  if (names.mask) feeds[names.mask] = new ort.Tensor("int64", BigInt64Array.from(tokens.ids.map((_, i) => BigInt(i < tokens.length ? 1 : 0))), [1, tokens.ids.length]);
  const out = await composer.run(feeds);
  return { query: concatDepths(VAL_DEPTHS.map((d) => out[names.queries[d]].data as Float32Array)), modelVersion: version };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === "load") {
      const { version } = await load();
      post({ type: "ready", modelVersion: version });
    } else {
      const { query, modelVersion } = await compose(request);
      post({ type: "result", id: request.id, query, modelVersion });
    }
  } catch (error) {
    post({ type: "error", id: request.type === "compose" ? request.id : undefined, message: (error as Error).message || "The in-browser model failed." });
  }
};
