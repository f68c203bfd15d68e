// GET /api/refine/source/:id — a catalogue product's image exactly as the model sees it (128×128 PNG from the
// shared preprocessing), so the browser worker encodes the same pixels as the server.
import { apiRoute } from "@/lib/api/handler";
import { sourcePixels } from "@/lib/refine/files";

export const runtime = "nodejs";

export const GET = apiRoute({}, ({ params }) => sourcePixels(params.id ?? ""));
