// POST /api/compatibility (SPEC §4): how well the given pieces hold together, in [0, 1].
import { apiRoute } from "@/lib/api/handler";
import { outfitCompatibility } from "@/lib/complete/complete";
import { compatibilityBodySchema } from "@/lib/complete/schema";

export const POST = apiRoute({ body: compatibilityBodySchema, bodyLimit: 8 * 1024 }, ({ body }) => outfitCompatibility(body.productIds));
