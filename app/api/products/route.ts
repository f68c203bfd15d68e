import { apiRoute } from "@/lib/api/handler";
import { badRequest } from "@/lib/api/errors";
import { InvalidCursorError, listProducts } from "@/lib/catalogue/queries";
import { productFilterSchema } from "@/lib/catalogue/schema";
import { toApiProduct } from "@/lib/catalogue/rows";

export const GET = apiRoute({ query: productFilterSchema }, async ({ query }) => {
  try {
    const page = await listProducts(query);
    return { items: page.items.map(toApiProduct), nextCursor: page.nextCursor };
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(error.message, "invalid_cursor");
    throw error;
  }
});
