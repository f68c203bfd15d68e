// Messages between the try-on UI and its person-parsing worker (parsing.worker.ts).
import type { BodyModel } from "@/lib/tryon/body-model";

export type ParsingRequest = { type: "load" } | { type: "parse"; id: number; image: Blob | ImageBitmap; hd?: boolean };

export type ParsingResponse =
  | { type: "loading" }
  | { type: "progress"; loaded: number; total: number }
  | { type: "ready"; backend: string }
  /** tookMs: pose, segmentation and the body model, timed in the worker; backend: the TF.js backend that ran them. */
  | { type: "result"; id: number; body: BodyModel; tookMs: number; backend: string }
  /** code "no-full-body": the photo was refused, and `message` is written for the shopper. */
  | { type: "error"; id?: number; code?: string; message: string };
