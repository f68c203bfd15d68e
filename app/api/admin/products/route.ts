import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { listProductsForAdmin } from "@/lib/catalogue/admin-list";
import { getProduct } from "@/lib/catalogue/queries";
import { toApiProduct } from "@/lib/catalogue/rows";
import { createProduct, ProductWriteError } from "@/lib/catalogue/write";
import { parseImageDataUrl } from "@/lib/images/validate";
import { ADMIN_BODY_LIMIT, productBodySchema } from "./body";

const listQuery = z.object({
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  category: z.string().max(40).optional(),
});

export const GET = apiRoute({ admin: true, query: listQuery }, async ({ query }) => listProductsForAdmin(query));

// POST { ...product, image: "data:image/png;base64,..." } -> 201 Product
export const POST = apiRoute({ admin: true, body: productBodySchema, bodyLimit: ADMIN_BODY_LIMIT }, async ({ body }) => {
  const { image, ...input } = body;
  if (!image) throw new ApiError(400, "image_required", "A new product needs an image (a data URL).");
  const check = await parseImageDataUrl(image);
  if (!check.ok) throw new ApiError(check.status, check.code, check.message);
  try {
    const { id } = await createProduct(input, check.data, "admin");
    return NextResponse.json(toApiProduct((await getProduct(id))!), { status: 201 });
  } catch (error) {
    throw error instanceof ProductWriteError ? error.toApiError() : error;
  }
});
