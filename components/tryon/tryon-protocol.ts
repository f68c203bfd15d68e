// Messages between the try-on studio and its rendering worker (tryon.worker.ts).
import type { BodyModel } from "@/lib/tryon/body-model";

/** Who to dress: a gallery figure (its body model comes from the server's ground truth) or a photo parsed here. */
export type WorkerPerson = { kind: "gallery"; id: string; imageUrl: string } | { kind: "upload"; dataUrl: string; body: BodyModel };

export type TryOnRequest =
  | { type: "load" }
  | { type: "render"; id: number; person: WorkerPerson; garments: { slot: string; imageUrl: string }[] };

export type TryOnResponse =
  | { type: "loading" }
  | { type: "progress"; loaded: number; total: number }
  | { type: "ready"; modelVersion: string }
  | { type: "result"; id: number; png: Blob; tookMs: number; modelVersion: string }
  | { type: "error"; id?: number; message: string };
