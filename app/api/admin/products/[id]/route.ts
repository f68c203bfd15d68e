import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { ApiError, notFound } from "@/lib/api/errors";
import { getProduct } from "@/lib/catalogue/queries";
import { toApiProduct } from "@/lib/catalogue/rows";
import { deleteProduct, ProductWriteError, updateProduct } from "@/lib/catalogue/write";
import { parseImageDataUrl } from "@/lib/images/validate";
import { ADMIN_BODY_LIMIT, productBodySchema } from "../body";

const idSchema = z.string().min(1).max(64);

async function productOr404(id: string) {
  const parsed = idSchema.safeParse(id);
  const product = parsed.success ? await getProduct(parsed.data) : null;
  if (!product) throw notFound(`No product with id "${id}".`);
  return product;
}

export const GET = apiRoute({ admin: true }, async ({ params }) => toApiProduct(await productOr404(params.id)));

// PUT replaces every field; the image only when one is sent.
export const PUT = apiRoute({ admin: true, body: productBodySchema, bodyLimit: ADMIN_BODY_LIMIT }, async ({ params, body }) => {
  await productOr404(params.id);
  const { image, ...input } = body;
  let data: Buffer | undefined;
  if (image) {
    const check = await parseImageDataUrl(image);
    if (!check.ok) throw new ApiError(check.status, check.code, check.message);
    data = check.data;
  }
  try {
    await updateProduct(params.id, input, data);
  } catch (error) {
    throw error instanceof ProductWriteError ? error.toApiError() : error;
  }
  return toApiProduct(await productOr404(params.id));
});

export const DELETE = apiRoute({ admin: true }, async ({ params }) => {
  if (!(await deleteProduct(idSchema.parse(params.id)))) throw notFound(`No product with id "${params.id}".`);
  return new Response(null, { status: 204 });
});
