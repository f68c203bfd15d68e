// What the model workers (Refine, Try-on) share: ONNX Runtime Web loaded from /ort/ (copied from node_modules at
// build time, never bundled) and model files downloaded with byte progress and the version the server sends.
export type Ort = typeof import("onnxruntime-web");
export type Session = import("onnxruntime-web").InferenceSession;

const ORT_URL = "/ort/ort.wasm.min.mjs";

/** ONNX Runtime Web, configured for this page: wasm files from /ort/, threads only under cross-origin isolation. */
export async function loadOrtWeb(): Promise<Ort> {
  const ort = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ ORT_URL)) as Ort;
  ort.env.wasm.wasmPaths = "/ort/";
  // Without cross-origin isolation there is no SharedArrayBuffer: one thread.
  ort.env.wasm.numThreads = self.crossOriginIsolated ? Math.min(4, navigator.hardwareConcurrency || 1) : 1;
  return ort;
}

export async function downloadModel(url: string, onBytes: (n: number) => void, notInstalled: string): Promise<{ data: Uint8Array; version: string }> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(response.status === 503 ? notInstalled : `Could not download ${url} (${response.status}).`);
  const version = response.headers.get("x-model-version") ?? "";
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    onBytes(value.byteLength);
  }
  const data = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const c of chunks) {
    data.set(c, offset);
    offset += c.byteLength;
  }
  return { data, version };
}
