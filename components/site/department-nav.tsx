"use client";
// Departments (the ontology's slots) as the header's navigation, marking the one being browsed.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { SLOTS } from "@/lib/ontology";
import { SLOT_LABELS } from "@/components/catalogue/labels";
import { cn } from "@/components/ui/cn";

export function DepartmentNav({ className }: { className?: string }) {
  const params = useSearchParams();
  const onCatalogue = usePathname() === "/";
  const slots = params.getAll("slot");
  const current = onCatalogue && slots.length === 1 && params.size === 1 ? slots[0] : undefined;
  return <DepartmentLinks current={current} className={className} />;
}

export function DepartmentLinks({ current, className }: { current?: string; className?: string }) {
  return (
    <ul className={cn("flex items-center gap-6 xl:gap-8", className)}>
      {SLOTS.map((slot) => (
        <li key={slot} className="shrink-0">
          <Link
            href={`/?slot=${slot}`}
            prefetch={false}
            aria-current={current === slot ? "page" : undefined}
            className={cn(
              "relative inline-block py-2 text-[13px] tracking-wide text-ink-soft transition-colors hover:text-ink",
              "after:absolute after:inset-x-0 after:bottom-0.5 after:h-px after:origin-left after:scale-x-0 after:bg-ink after:transition-transform after:duration-300 hover:after:scale-x-100",
              "aria-[current=page]:text-ink aria-[current=page]:after:scale-x-100",
            )}
          >
            {SLOT_LABELS[slot]}
          </Link>
        </li>
      ))}
    </ul>
  );
}
