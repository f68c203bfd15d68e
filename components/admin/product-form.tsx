"use client";
// Create/edit form for one product. Category decides which attribute fields appear (the ontology's slots);
// the server action validates everything again and returns field errors shown beside each control.
import { startTransition, useActionState, useEffect, useState, type FormEvent } from "react";
import { saveProduct, type ProductFormState } from "@/app/admin/_actions/products";
import { buttonClass, describedBy, Field, inputClass, Notice } from "./form-controls";
import { ImagePicker } from "./image-picker";
import type { ProductFormOptions } from "./product-form-options";

export interface ProductFormValues {
  id?: string;
  sku: string;
  title: string;
  brand: string;
  price: string;
  currency: string;
  category: string;
  color: string;
  pattern: string;
  attributes: Record<string, string>;
  description: string;
  inStock: boolean;
  imageUrl?: string;
}

export function ProductForm({ options, initial }: { options: ProductFormOptions; initial: ProductFormValues }) {
  const [state, dispatch, pending] = useActionState<ProductFormState, FormData>(saveProduct, null);
  const [category, setCategory] = useState(initial.category);
  const [color, setColor] = useState(initial.color);
  const [imageError, setImageError] = useState<string | undefined>();
  const errors = state && !state.ok ? state.error.fields : {};
  const slot = options.categories.flatMap((g) => g.options).find((c) => c.value === category)?.slot;
  const applicable = slot ? options.attributesBySlot[slot] : [];
  const hex = options.colors.find((c) => c.value === color)?.hex;

  useEffect(() => {
    if (state) window.scrollTo({ top: 0, behavior: "smooth" });
  }, [state]);

  // Submitting through a transition (not <form action>) keeps what was typed, and the chosen file, on errors.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (imageError) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };

  const text = (name: keyof ProductFormValues, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <Field label={label} htmlFor={name} error={errors[name]} hint={hint}>
      <input name={name} defaultValue={String(initial[name] ?? "")} className={inputClass} {...describedBy(name, errors[name], hint)} {...props} />
    </Field>
  );

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {state?.ok ? <Notice tone="success">{state.message}</Notice> : null}
      {state && !state.ok ? <Notice tone="error">{state.error.message}</Notice> : null}
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Section title="Basics">
            <div className="grid gap-4 sm:grid-cols-2">
              {text("sku", "SKU", { required: true, autoCapitalize: "characters", spellCheck: false }, "Letters, digits, '.', '_' and '-'; unique.")}
              {text("brand", "Brand", { required: true })}
              {text("title", "Title", { required: true }, undefined)}
              <div className="grid grid-cols-[minmax(0,1fr)_6.5rem] gap-3">
                <Field label="Price" htmlFor="price" error={errors.priceCents}>
                  <input name="price" inputMode="decimal" defaultValue={initial.price} placeholder="49.90" className={inputClass} {...describedBy("price", errors.priceCents)} />
                </Field>
                <Field label="Currency" htmlFor="currency" error={errors.currency}>
                  <select name="currency" defaultValue={initial.currency} className={inputClass} {...describedBy("currency", errors.currency)}>
                    {options.currencies.map((c) => <option key={c}>{c}</option>)}
                  </select>
                </Field>
              </div>
            </div>
          </Section>

          <Section title="Classification">
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Category" htmlFor="category" error={errors.category}>
                <select name="category" value={category} onChange={(e) => setCategory(e.target.value)} className={inputClass} {...describedBy("category", errors.category)}>
                  <option value="">Choose…</option>
                  {options.categories.map((group) => (
                    <optgroup key={group.slot} label={group.label}>
                      {group.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                    </optgroup>
                  ))}
                </select>
              </Field>
              <Field label="Color" htmlFor="color" error={errors.color}>
                <div className="flex items-center gap-2">
                  <span aria-hidden className="size-8 shrink-0 rounded-full border border-line-strong" style={{ background: hex ?? "transparent" }} />
                  <select name="color" value={color} onChange={(e) => setColor(e.target.value)} className={inputClass} {...describedBy("color", errors.color)}>
                    <option value="">Choose…</option>
                    {options.colors.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                </div>
              </Field>
              <Field label="Pattern" htmlFor="pattern" error={errors.pattern}>
                <select name="pattern" defaultValue={initial.pattern} className={inputClass} {...describedBy("pattern", errors.pattern)}>
                  <option value="">Choose…</option>
                  {options.patterns.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              </Field>
            </div>
          </Section>

          <Section title="Attributes" description={slot ? "Only the attributes that describe this kind of item are shown. Leave unknown ones empty." : "Choose a category to see its attributes."}>
            <div className="grid gap-4 sm:grid-cols-3">
              {options.attributes.filter((a) => applicable.includes(a.name)).map((attribute) => (
                <Field key={attribute.name} label={attribute.label} htmlFor={attribute.name} error={errors[attribute.name]}>
                  <select name={attribute.name} defaultValue={initial.attributes[attribute.name] ?? ""} className={inputClass} {...describedBy(attribute.name, errors[attribute.name])}>
                    <option value="">—</option>
                    {attribute.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                  </select>
                </Field>
              ))}
            </div>
          </Section>

          <Section title="Description">
            <Field label="Description" htmlFor="description" error={errors.description} hint="Shown on the product page. Up to 2,000 characters.">
              <textarea name="description" rows={4} defaultValue={initial.description} maxLength={2000} className={inputClass} {...describedBy("description", errors.description, "hint")} />
            </Field>
          </Section>
        </div>

        <div className="space-y-6">
          <Section title="Image">
            <ImagePicker currentUrl={initial.imageUrl} error={errors.image ?? imageError} onProblem={setImageError} required={!initial.id} />
          </Section>
          <Section title="Availability">
            <label className="flex items-center gap-3 text-sm text-ink-soft">
              <input type="checkbox" name="inStock" defaultChecked={initial.inStock} className="size-4 rounded border-line-strong accent-ink" />
              In stock
            </label>
          </Section>
          <button type="submit" disabled={pending} className={buttonClass("primary", "w-full")}>
            {pending ? "Saving…" : initial.id ? "Save changes" : "Create product"}
          </button>
        </div>
      </div>
    </form>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-line bg-white p-5 shadow-xs">
      <h2 className="text-sm font-semibold text-ink">{title}</h2>
      {description ? <p className="mt-1 text-xs text-muted">{description}</p> : null}
      <div className="mt-4">{children}</div>
    </section>
  );
}
