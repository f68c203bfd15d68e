import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center px-5 py-24 text-center">
      <p className="eyebrow text-muted">404</p>
      <h1 className="mt-3 font-display text-3xl text-ink">There is nothing at this address</h1>
      <Link href="/" className={buttonClasses("primary", "md", "mt-8")}>Back to the collection</Link>
    </div>
  );
}
