import "server-only";
// ONNX Runtime sessions, loaded once per process: the *promise* is cached on globalThis so concurrent first requests
// share one load and dev hot reload does not leak sessions. A failed load is not cached, so a model that lands later
// (or a fixed file) is picked up by the next call.
import type { InferenceSession, Tensor } from "onnxruntime-node";

type Ort = typeof import("onnxruntime-node");
const holder = globalThis as typeof globalThis & { __atelierOrt?: Map<string, Promise<InferenceSession>> };

let ortModule: Promise<Ort> | undefined;
export function ort(): Promise<Ort> {
  ortModule ??= import("onnxruntime-node");
  return ortModule;
}

/**
 * Threads per session: requests run concurrently (8 clients on 2 cores), so one intra-op thread each keeps them
 * from fighting; the batch embedding job asks for more.
 */
export function loadSession(file: string, threads = 1): Promise<InferenceSession> {
  const sessions = (holder.__atelierOrt ??= new Map());
  const key = `${file}#${threads}`;
  let session = sessions.get(key);
  if (!session) {
    session = ort().then((o) =>
      o.InferenceSession.create(file, { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: "all", executionMode: "sequential" }),
    );
    sessions.set(key, session);
    session.catch(() => sessions.delete(key));
  }
  return session;
}

export async function floatTensor(data: Float32Array, dims: number[]): Promise<Tensor> {
  return new (await ort()).Tensor("float32", data, dims);
}

export async function int64Tensor(data: BigInt64Array, dims: number[]): Promise<Tensor> {
  return new (await ort()).Tensor("int64", data, dims);
}

/** Releases every cached session (tests, model swaps). */
export async function releaseSessions(): Promise<void> {
  const sessions = holder.__atelierOrt;
  holder.__atelierOrt = undefined;
  if (!sessions) return;
  await Promise.all([...sessions.values()].map((s) => s.then((x) => x.release()).catch(() => undefined)));
}
