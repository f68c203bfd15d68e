import "server-only";
// What the in-browser try-on worker fetches: the two networks' files (with the version as ETag, so a shopper
// downloads them once per model version) and a gallery figure's body model, built on the server from its ground
// truth exactly as POST /api/tryon builds it, so both paths dress the same body.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ApiError, notFound } from "../api/errors";
import { registeredModel } from "../ml/registry";
import { TRYON_FILES, TRYON_MODEL } from "./network-io";
import { galleryPerson } from "./render";

const SERVED = new Set<string>(Object.values(TRYON_FILES));
const UNAVAILABLE = "Try-on is not available yet: its models have not been installed.";

export async function tryOnModelFile(file: string, ifNoneMatch: string | null): Promise<Response> {
  if (!SERVED.has(file)) throw notFound(`No model file "${file.slice(0, 64)}".`);
  const model = await registeredModel(TRYON_MODEL);
  if (!model) throw new ApiError(503, "model_unavailable", UNAVAILABLE);
  const etag = `"${model.version}-${file}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=3600, must-revalidate", "X-Model-Version": model.version };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  const data = await readFile(path.join(model.dir, file)).catch(() => null);
  if (!data) throw new ApiError(503, "model_unavailable", UNAVAILABLE);
  return new Response(new Uint8Array(data), { headers: { ...headers, "Content-Type": "application/octet-stream", "Content-Length": String(data.length) } });
}

const b64 = (a: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

/** A gallery figure's body model (masks and the label map in the frame as base64 bytes). */
export async function galleryBodyModel(id: string) {
  if (id.length > 64) throw notFound("No such model in the gallery.");
  const { body, before } = await galleryPerson(id);
  return {
    body: { width: body.width, height: body.height, keypoints: body.keypoints, crop: body.crop, personMask: b64(body.personMask), keepMask: b64(body.keepMask) },
    before: before ? b64(before) : null,
  };
}
