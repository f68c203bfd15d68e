import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { getProduct } from "@/lib/catalogue/queries";
import { toApiProduct } from "@/lib/catalogue/rows";

const idSchema = z.string().min(1).max(64);

export const GET = apiRoute({}, async ({ params }) => {
  const id = idSchema.safeParse(params.id);
  const product = id.success ? await getProduct(id.data) : null;
  if (!product) throw notFound(`No product with id "${params.id}".`);
  return toApiProduct(product);
});
