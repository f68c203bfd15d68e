// POST /api/refine (SPEC §4): { productId? , image? (data URL), text, k? (≤100), category? } →
// { items: [{ product, score }], tookMs, modelVersion }.
import { apiRoute } from "@/lib/api/handler";
import { REFINE_BODY_LIMIT, refineBodySchema } from "@/lib/refine/schema";
import { refine } from "@/lib/refine/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute({ body: refineBodySchema, bodyLimit: REFINE_BODY_LIMIT }, ({ body }) => refine(body));
