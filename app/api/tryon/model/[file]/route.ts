// GET /api/tryon/model/:file — the two try-on networks for the browser worker, served from models/tryon.
import { apiRoute } from "@/lib/api/handler";
import { tryOnModelFile } from "@/lib/tryon/files";

export const runtime = "nodejs";

export const GET = apiRoute({}, ({ params, request }) => tryOnModelFile(params.file ?? "", request.headers.get("if-none-match")));
