// The catalogue's filters as one GET form: category (grouped by department), colour swatches, price range,
// pattern, the ontology's attributes (only those that apply to the departments being browsed) and stock.
// Rendered twice on a page — the desktop sidebar and the phone sheet — so ids carry a prefix.
import { ATTRIBUTE_NAMES, COLORS, PATTERNS, SLOTS, attributeValues, attributesForSlot, categoriesInSlot, getCategory, labelOf, type SlotId } from "@/lib/ontology";
import { currencySymbol } from "@/components/ui/format";
import { CheckPill, CheckRow, FacetGroup, SwatchOption } from "./facet-controls";
import { FilterForm } from "./filter-form";
import { PRICE_INPUTS } from "./filter-url";
import { FACET_LABELS, SLOT_LABELS } from "./labels";

interface FilterPanelProps {
  params: URLSearchParams;
  currency: string;
  idPrefix: string;
}

/** Departments in view: those asked for, plus those of the categories ticked; none means the whole catalogue. */
export function slotsInView(params: URLSearchParams): SlotId[] {
  const slots = new Set(params.getAll("slot") as SlotId[]);
  for (const id of params.getAll("category")) {
    const slot = getCategory(id)?.slot;
    if (slot) slots.add(slot);
  }
  return SLOTS.filter((s) => slots.has(s));
}

export function FilterPanel({ params, currency, idPrefix }: FilterPanelProps) {
  const chosen = (key: string) => new Set(params.getAll(key));
  const askedSlots = params.getAll("slot") as SlotId[];
  const categorySlots = askedSlots.length ? SLOTS.filter((s) => askedSlots.includes(s)) : SLOTS;
  const inView = slotsInView(params);
  const attributes = ATTRIBUTE_NAMES.filter((name) => inView.length === 0 || inView.some((slot) => attributesForSlot(slot).includes(name)));
  const categories = chosen("category");
  const colors = chosen("color");
  const patterns = chosen("pattern");
  const min = params.get("minPrice");
  const max = params.get("maxPrice");
  const symbol = currencySymbol(currency);

  return (
    <FilterForm state={params.toString()} label="Filters">
      {askedSlots.map((slot) => (
        <input key={slot} type="hidden" name="slot" value={slot} />
      ))}
      {["q", "sort"].map((key) => {
        const value = params.get(key);
        return value ? <input key={key} type="hidden" name={key} value={value} /> : null;
      })}

      <FacetGroup title={FACET_LABELS.category} selected={categories.size} open>
        <div className="space-y-4">
          {categorySlots.map((slot) => (
            <div key={slot}>
              {categorySlots.length > 1 && <p className="eyebrow mb-1 text-muted">{SLOT_LABELS[slot]}</p>}
              {categoriesInSlot(slot).map((c) => (
                <CheckRow key={c.id} name="category" value={c.id} label={c.label} checked={categories.has(c.id)} />
              ))}
            </div>
          ))}
        </div>
      </FacetGroup>

      <FacetGroup title={FACET_LABELS.color} selected={colors.size} open>
        <div className="grid grid-cols-5 gap-x-1 gap-y-3">
          {COLORS.map((c) => (
            <SwatchOption key={c.id} name="color" value={c.id} label={labelOf(c.id)} checked={colors.has(c.id)} />
          ))}
        </div>
      </FacetGroup>

      <FacetGroup title="Price" selected={min || max ? 1 : 0} open={Boolean(min || max)}>
        <div className="flex items-end gap-2">
          <PriceInput id={`${idPrefix}-price-min`} name={PRICE_INPUTS.min} label="Min" symbol={symbol} cents={min} placeholder="0" />
          <span aria-hidden="true" className="pb-2.5 text-muted">
            –
          </span>
          <PriceInput id={`${idPrefix}-price-max`} name={PRICE_INPUTS.max} label="Max" symbol={symbol} cents={max} placeholder="Any" />
          <button type="submit" className="h-10 shrink-0 border border-ink px-3 text-xs tracking-wide hover:bg-ink hover:text-paper">
            Apply
          </button>
        </div>
      </FacetGroup>

      <FacetGroup title={FACET_LABELS.pattern} selected={patterns.size} open={patterns.size > 0}>
        <div className="flex flex-wrap gap-2">
          {PATTERNS.map((p) => (
            <CheckPill key={p} name="pattern" value={p} label={labelOf(p)} checked={patterns.has(p)} />
          ))}
        </div>
      </FacetGroup>

      {attributes.map((name) => {
        const values = chosen(name);
        return (
          <FacetGroup key={name} title={FACET_LABELS[name]} selected={values.size} open={values.size > 0}>
            <div className="flex flex-wrap gap-2">
              {attributeValues(name).map((v) => (
                <CheckPill key={v} name={name} value={v} label={labelOf(v)} checked={values.has(v)} />
              ))}
            </div>
          </FacetGroup>
        );
      })}

      <div className="py-4">
        <CheckRow name="inStock" value="true" label="In stock only" checked={params.get("inStock") === "true"} />
      </div>

      <noscript>
        <button type="submit" className="mt-2 h-11 w-full bg-ink text-sm text-paper">
          Apply filters
        </button>
      </noscript>
    </FilterForm>
  );
}

function PriceInput({ id, name, label, symbol, cents, placeholder }: { id: string; name: string; label: string; symbol: string; cents: string | null; placeholder: string }) {
  return (
    <div className="min-w-0 flex-1">
      <label htmlFor={id} className="mb-1 block text-[11px] text-muted">
        {label}
        <span className="sr-only"> price</span> ({symbol})
      </label>
      <input
        id={id}
        name={name}
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        placeholder={placeholder}
        defaultValue={cents ? String(Math.round(Number(cents) / 100)) : ""}
        className="h-10 w-full border border-line-strong bg-paper px-2 text-sm tabular-nums focus:border-ink"
      />
    </div>
  );
}
