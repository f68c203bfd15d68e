// GET /api/tryon/body/:id — a gallery figure's body model for the browser worker (built from its ground truth).
import { apiRoute } from "@/lib/api/handler";
import { galleryBodyModel } from "@/lib/tryon/files";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = apiRoute({}, ({ params }) => galleryBodyModel(params.id ?? ""));
