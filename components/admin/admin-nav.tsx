"use client";
// Section links with the current one marked (aria-current), which needs the pathname on the client.
import Link from "next/link";
import { usePathname } from "next/navigation";
import clsx from "clsx";

const LINKS = [
  { href: "/admin/products", label: "Products" },
  { href: "/admin/import", label: "Import" },
  { href: "/admin/outfits", label: "Outfits" },
  { href: "/admin/people", label: "Model photos" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Console" className="flex gap-1">
      {LINKS.map((link) => {
        const current = pathname.startsWith(link.href);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current ? "page" : undefined}
            className={clsx("rounded-md px-3 py-1.5 text-sm font-medium", current ? "bg-sand text-ink" : "text-muted hover:text-ink")}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
