// The catalogue's URL is its state: these pure helpers read it, make it canonical (stable key order, prices in
// cents, defaults dropped) and build the links that add or remove one filter. The page parses the result with the
// API's own productFilterSchema, so a shared URL and an API call mean the same thing.
import { ATTRIBUTE_NAMES, getCategory, labelOf, type SlotId } from "@/lib/ontology";
import { formatPrice } from "@/components/ui/format";
import { FACET_LABELS, SLOT_LABELS } from "./labels";

export const LIST_KEYS = ["slot", "category", "color", "pattern", ...ATTRIBUTE_NAMES] as const;
export type ListKey = (typeof LIST_KEYS)[number];
const SCALAR_KEYS = ["q", "minPrice", "maxPrice", "inStock", "sort", "cursor"] as const;
/** What the filter form submits for prices: whole currency units, turned into cents here. */
export const PRICE_INPUTS = { min: "priceMin", max: "priceMax" } as const;

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function toSearchParams(record: SearchParamsRecord): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/**
 * The canonical form of a catalogue URL's parameters: list values split on commas and de-duplicated, form prices
 * (whole units) turned into cents, empty values and the default sort dropped, unknown keys dropped, keys in a
 * fixed order. Values are not checked against the ontology here; the schema does that.
 */
export function canonicalParams(input: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const values = input.getAll(key).flatMap((v) => v.split(",")).map((v) => v.trim().toLowerCase()).filter(Boolean);
    for (const value of new Set(values)) out.append(key, value);
  }
  const q = input.get("q")?.trim().replace(/\s+/g, " ");
  if (q) out.set("q", q);
  let min = centsOf(input.get("minPrice"), 1) ?? centsOf(input.get(PRICE_INPUTS.min), 100);
  let max = centsOf(input.get("maxPrice"), 1) ?? centsOf(input.get(PRICE_INPUTS.max), 100);
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min];
  if (min) out.set("minPrice", String(min));
  if (max !== undefined) out.set("maxPrice", String(max));
  const inStock = input.get("inStock");
  if (inStock === "true" || inStock === "false") out.set("inStock", inStock);
  const sort = input.get("sort");
  if (sort && sort !== "featured") out.set("sort", sort);
  const cursor = input.get("cursor");
  if (cursor) out.set("cursor", cursor);
  return out;
}

function centsOf(value: string | null, unit: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const n = Number(value.replace(",", "."));
  return Number.isFinite(n) && n >= 0 ? Math.round(n * unit) : undefined;
}

/** Plain object for productFilterSchema: repeated keys become arrays, as Next's searchParams give them. */
export function filterInput(params: URLSearchParams): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    input[key] = (LIST_KEYS as readonly string[]).includes(key) ? values : values[0]!;
  }
  return input;
}

export function hrefOf(params: URLSearchParams, path = "/"): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

type Edit =
  | { toggle: [ListKey, string] }
  | { remove: [ListKey | (typeof SCALAR_KEYS)[number] | "price", string?] }
  | { set: [(typeof SCALAR_KEYS)[number], string | undefined] };

/** A link to this listing with one edit applied; any edit returns to the first page (the cursor is dropped). */
export function hrefWith(params: URLSearchParams, edit: Edit, path = "/"): string {
  const next = new URLSearchParams(params);
  next.delete("cursor");
  if ("toggle" in edit) {
    const [key, value] = edit.toggle;
    const values = next.getAll(key);
    next.delete(key);
    for (const v of values.includes(value) ? values.filter((v) => v !== value) : [...values, value]) next.append(key, v);
  } else if ("remove" in edit) {
    const [key, value] = edit.remove;
    if (key === "price") {
      next.delete("minPrice");
      next.delete("maxPrice");
    } else if (value === undefined) {
      next.delete(key);
    } else {
      const rest = next.getAll(key).filter((v) => v !== value);
      next.delete(key);
      for (const v of rest) next.append(key, v);
    }
  } else {
    const [key, value] = edit.set;
    if (value === undefined || value === "") next.delete(key);
    else next.set(key, value);
  }
  return hrefOf(canonicalParams(next), path);
}

export interface ActiveFilter {
  /** Which facet, for the chip's accessible name ("Colour"). */
  facet: string;
  label: string;
  /** The listing without this one filter. */
  removeHref: string;
}

/** One removable chip per active filter, in the URL's canonical order. */
export function activeFilters(params: URLSearchParams, currency = "EUR"): ActiveFilter[] {
  const chips: ActiveFilter[] = [];
  for (const key of LIST_KEYS) {
    for (const value of params.getAll(key)) {
      chips.push({ facet: FACET_LABELS[key], label: valueLabel(key, value), removeHref: hrefWith(params, { remove: [key, value] }) });
    }
  }
  const q = params.get("q");
  if (q) chips.push({ facet: "Search", label: `“${q}”`, removeHref: hrefWith(params, { remove: ["q"] }) });
  const min = params.get("minPrice");
  const max = params.get("maxPrice");
  if (min || max) {
    const money = (cents: string) => formatPrice(Number(cents), currency);
    const label = min && max ? `${money(min)} – ${money(max)}` : min ? `From ${money(min)}` : `Up to ${money(max!)}`;
    chips.push({ facet: "Price", label, removeHref: hrefWith(params, { remove: ["price"] }) });
  }
  if (params.get("inStock") === "true") chips.push({ facet: "Availability", label: "In stock", removeHref: hrefWith(params, { remove: ["inStock"] }) });
  return chips;
}

export function valueLabel(key: ListKey, value: string): string {
  if (key === "slot") return SLOT_LABELS[value as SlotId] ?? labelOf(value);
  if (key === "category") return getCategory(value)?.label ?? labelOf(value);
  return labelOf(value);
}

/** True when the listing is narrowed by anything other than its sort order and page. */
export function hasFilters(params: URLSearchParams): boolean {
  return [...params.keys()].some((key) => key !== "sort" && key !== "cursor");
}

/** Canonical parameters straight from Next's searchParams (for titles; values are not validated here). */
export function readParamsOnly(record: SearchParamsRecord): URLSearchParams {
  return canonicalParams(toSearchParams(record));
}
