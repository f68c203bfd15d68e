// Messages between the Refine UI and its worker (refine.worker.ts).
export type WorkerSource = { kind: "product"; productId: string } | { kind: "image"; file: Blob };

export type WorkerRequest = { type: "load" } | { type: "compose"; id: number; source: WorkerSource; text: string };

export type WorkerResponse =
  | { type: "loading" }
  | { type: "progress"; loaded: number; total: number }
  | { type: "ready"; modelVersion: string }
  | { type: "result"; id: number; query: Float32Array; modelVersion: string }
  | { type: "error"; id?: number; message: string };
