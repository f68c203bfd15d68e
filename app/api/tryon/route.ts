// POST /api/tryon (SPEC §4): { personId? , personImage? (data URL), productIds } → { image (PNG data URL), tookMs, modelVersion }.
import { apiRoute } from "@/lib/api/handler";
import { tryOn } from "@/lib/tryon/render";
import { TRYON_BODY_LIMIT, tryOnBodySchema } from "@/lib/tryon/schema";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute({ body: tryOnBodySchema, bodyLimit: TRYON_BODY_LIMIT }, async ({ body }) => {
  const result = await tryOn({ person: body.personId ? { id: body.personId } : { image: body.personImage! }, productIds: body.productIds });
  return { image: `data:image/png;base64,${result.png.toString("base64")}`, tookMs: result.tookMs, modelVersion: result.modelVersion };
});
