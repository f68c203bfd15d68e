import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function ProductNotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-5 py-24 text-center">
      <p className="eyebrow text-muted">Not found</p>
      <h1 className="mt-3 font-display text-3xl text-ink">This piece is no longer here</h1>
      <p className="mt-3 text-sm text-muted">It may have sold through or been taken out of the collection.</p>
      <Link href="/" className={buttonClasses("primary", "md", "mt-8")}>Back to the collection</Link>
    </div>
  );
}
