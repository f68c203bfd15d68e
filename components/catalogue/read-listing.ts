import "server-only";
// Reads the catalogue page's URL into a validated filter, the same way the API does, but forgiving: values the
// ontology does not know (a mistyped or outdated shared link) are dropped and reported instead of failing the page.
import { countProducts, InvalidCursorError, listProducts, type ProductPage } from "@/lib/catalogue/queries";
import { productFilterSchema, type ProductFilter } from "@/lib/catalogue/schema";
import { canonicalParams, filterInput, toSearchParams, type SearchParamsRecord } from "./filter-url";

export interface Listing {
  params: URLSearchParams;
  /** Parameter names that were ignored because their values were not valid. */
  ignored: string[];
  page: ProductPage;
  total: number;
}

export function readParams(record: SearchParamsRecord): { params: URLSearchParams; ignored: string[]; filter: ProductFilter } {
  const params = canonicalParams(toSearchParams(record));
  const ignored: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = productFilterSchema.safeParse(filterInput(params));
    if (parsed.success) return { params, ignored, filter: parsed.data as ProductFilter };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      if (params.has(key)) {
        ignored.push(key);
        params.delete(key);
      }
    }
  }
  return { params: new URLSearchParams(), ignored, filter: productFilterSchema.parse({}) as ProductFilter };
}

export async function readListing(record: SearchParamsRecord, limit = 24): Promise<Listing> {
  const { params, ignored, filter } = readParams(record);
  const counted = countProducts({ ...filter, cursor: undefined });
  let page: ProductPage;
  try {
    page = await listProducts({ ...filter, limit });
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    params.delete("cursor");
    ignored.push("cursor");
    page = await listProducts({ ...filter, cursor: undefined, limit });
  }
  return { params, ignored, page, total: await counted };
}
