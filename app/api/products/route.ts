import { apiRoute } from "@/lib/api/handler";
import { badRequest } from "@/lib/api/errors";
import { InvalidCursorError, listProducts } from "@/lib/catalogue/queries";
import { cachedRead } from "@/lib/catalogue/read-cache";
import { productFilterSchema } from "@/lib/catalogue/schema";
import { toApiProduct } from "@/lib/catalogue/rows";

// The JSON text of a page is cached beside the page itself (same key, same clearing on a catalogue write), so a
// repeated listing is neither mapped nor serialised again.
export const GET = apiRoute({ query: productFilterSchema }, async ({ query }) => {
  try {
    const body = await cachedRead(`api:products:${JSON.stringify(query)}`, async () => {
      const page = await listProducts(query);
      return JSON.stringify({ items: page.items.map(toApiProduct), nextCursor: page.nextCursor });
    });
    return new Response(body, { headers: { "content-type": "application/json" } });
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(error.message, "invalid_cursor");
    throw error;
  }
});
