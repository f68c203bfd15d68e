// The TF.js backend person parsing runs on in Node. Pure-JS "cpu" always works; "wasm" (XNNPACK, SIMD) is much
// faster on the same cores (npm run bench:parsing measures both), so it is the default, with cpu as the fallback
// when the wasm binary cannot start. TRYON_TF_BACKEND=cpu|wasm forces one. The backend is global to the process.
import { createRequire } from "node:module";
import path from "node:path";
import * as tf from "@tensorflow/tfjs";

export type ParsingBackend = "wasm" | "cpu";

const holder = globalThis as typeof globalThis & { __atelierTfBackend?: Promise<ParsingBackend> };

function wasmDir(): string {
  // The package's main entry lives in dist/, next to the .wasm binaries.
  const main = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return path.dirname(main) + path.sep;
}

const PROCESS_EVENTS = ["uncaughtException", "unhandledRejection"] as const;
const listenersOf = (event: (typeof PROCESS_EVENTS)[number]) => (event === "uncaughtException" ? process.listeners(event) : process.listeners(event)) as ((...args: unknown[]) => void)[];

async function activate(name: ParsingBackend): Promise<boolean> {
  if (name !== "wasm") return tf.setBackend(name).then((ok) => ok, () => false);
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  wasm.setWasmPaths(wasmDir());
  // Emscripten's Node glue adds process handlers that rethrow every unhandled rejection, which would turn any stray
  // rejection in the server into a crash: they are removed once the module has started.
  const before = PROCESS_EVENTS.map((event) => new Set(listenersOf(event)));
  try {
    return await tf.setBackend(name).then((ok) => ok, () => false);
  } finally {
    PROCESS_EVENTS.forEach((event, i) => {
      for (const listener of listenersOf(event)) if (!before[i].has(listener)) process.removeListener(event, listener);
    });
  }
}

/** Switches the process to `name` (the benchmark compares them); false when that backend cannot start here. */
export async function useBackend(name: ParsingBackend): Promise<boolean> {
  const ok = await activate(name);
  if (ok) await tf.ready();
  return ok;
}

/** The backend chosen once per process: TRYON_TF_BACKEND, else wasm, else cpu. */
export function parsingBackend(): Promise<ParsingBackend> {
  holder.__atelierTfBackend ??= (async () => {
    const wanted = process.env.TRYON_TF_BACKEND;
    const order: ParsingBackend[] = wanted === "cpu" || wanted === "wasm" ? [wanted] : ["wasm", "cpu"];
    for (const name of order) if (await useBackend(name)) return name;
    throw new Error(`no TF.js backend could start (tried ${order.join(", ")})`);
  })();
  holder.__atelierTfBackend.catch(() => (holder.__atelierTfBackend = undefined));
  return holder.__atelierTfBackend;
}
