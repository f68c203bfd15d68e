import Link from "next/link";
import { buttonClass } from "@/components/admin/form-controls";

export default function ConsoleNotFound() {
  return (
    <div className="mx-auto max-w-md rounded-lg border border-line bg-white p-8 text-center shadow-xs">
      <h1 className="text-lg font-semibold text-ink">Not found</h1>
      <p className="mt-2 text-sm text-muted">That product or import does not exist (it may have been deleted).</p>
      <Link href="/admin/products" className={buttonClass("secondary", "mt-6")}>Back to products</Link>
    </div>
  );
}
