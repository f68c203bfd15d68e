// POST /api/complete (SPEC §4): pieces of the same target category that go with the whole outfit, best first,
// with the outfit's compatibility. Bad input and outfits that cannot take the target answer a 4xx with the reason.
import { apiRoute } from "@/lib/api/handler";
import { completeOutfit } from "@/lib/complete/complete";
import { completeBodySchema } from "@/lib/complete/schema";

export const POST = apiRoute({ body: completeBodySchema, bodyLimit: 8 * 1024 }, ({ body }) => completeOutfit(body));
