// POST /api/refine/search: the search half of Refine for a query the browser composed itself (the worker runs
// the composer with onnxruntime-web); same response as POST /api/refine.
import { apiRoute } from "@/lib/api/handler";
import { searchBodySchema } from "@/lib/refine/schema";
import { searchComposed } from "@/lib/refine/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = apiRoute({ body: searchBodySchema, bodyLimit: 256 * 1024 }, ({ body }) => searchComposed(body));
