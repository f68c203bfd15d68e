import { apiRoute } from "@/lib/api/handler";
import { listPeople } from "@/lib/tryon/people";
import { peopleFilterSchema } from "@/lib/tryon/people-schema";

// The model gallery (SPEC §4): visible people in the merchandiser's order, optionally filtered.
export const GET = apiRoute({ query: peopleFilterSchema }, async ({ query }) => ({ items: await listPeople(query) }));
