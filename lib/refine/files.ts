import "server-only";
// Files the browser worker needs: VAL's model files and a source product's model-sized pixels.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ApiError, notFound } from "../api/errors";
import { getProduct } from "../catalogue/queries";
import { readImage } from "../images/store";
import { viewPixelsPng } from "../ml/decode";
import { cardView } from "../ml/preprocess";
import { registeredModel } from "../ml/registry";
import { VAL_FILES, VAL_MODEL } from "./val-spec";

const SERVED = new Set<string>(Object.values(VAL_FILES));

/** The installed VAL model, or a 503 that says Refine is not available yet. */
async function installedVal() {
  const model = await registeredModel(VAL_MODEL);
  if (!model) throw new ApiError(503, "model_unavailable", "Refine is not available yet: its model has not been installed.");
  return model;
}

export async function modelFile(file: string, ifNoneMatch: string | null): Promise<Response> {
  if (!SERVED.has(file)) throw notFound(`No model file "${file.slice(0, 64)}".`);
  const model = await installedVal();
  const etag = `"${model.version}-${file}"`;
  const headers = { ETag: etag, "Cache-Control": "public, max-age=3600, must-revalidate", "X-Model-Version": model.version };
  if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
  const data = await readFile(path.join(model.dir, file));
  const type = file.endsWith(".json") ? "application/json" : "application/octet-stream";
  return new Response(new Uint8Array(data), { headers: { ...headers, "Content-Type": type, "Content-Length": String(data.length) } });
}

export async function sourcePixels(productId: string): Promise<Response> {
  const model = await installedVal();
  const product = productId.length <= 64 ? await getProduct(productId) : null;
  if (!product) throw notFound(`No product with id "${productId.slice(0, 64)}".`);
  const bytes = await readImage(product.imageUrl.split("/").pop() ?? "");
  if (!bytes) throw notFound(`The image of product "${productId}" is missing.`);
  const png = await viewPixelsPng(bytes, cardView(model.card));
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=3600", "X-Model-Version": model.version } });
}
