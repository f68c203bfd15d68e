"use client";
// Delete with a confirmation: the action itself re-checks the session and redirects to the list.
import { useFormStatus } from "react-dom";
import { deleteProduct } from "@/app/admin/_actions/products";
import { buttonClass } from "./form-controls";

export function DeleteProductButton({ id, sku }: { id: string; sku: string }) {
  return (
    <form
      action={deleteProduct}
      onSubmit={(event) => {
        if (!window.confirm(`Delete ${sku}? It disappears from the shop, outfits and search at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="sku" value={sku} />
      <SubmitButton />
    </form>
  );
}

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClass("danger")}>
      {pending ? "Deleting…" : "Delete product"}
    </button>
  );
}
