import { apiRoute } from "@/lib/api/handler";
import { healthReport } from "@/lib/health";

export const GET = apiRoute({}, async () => healthReport());
