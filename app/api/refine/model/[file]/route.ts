// GET /api/refine/model/:file — the VAL files the browser worker runs (encoder, composer, vocabulary), served
// from models/val with the version as ETag, so a shopper downloads them once per model version.
import { apiRoute } from "@/lib/api/handler";
import { modelFile } from "@/lib/refine/files";

export const runtime = "nodejs";

export const GET = apiRoute({}, ({ params, request }) => modelFile(params.file ?? "", request.headers.get("if-none-match")));
